# Shared by the Pester files (dot-source it): everything a user or a log could see of an error record, to check that
# no password (or part of one) is in any of it.

function Get-ErrorText([System.Management.Automation.ErrorRecord] $Record) {
    @($Record.ToString(), $Record.Exception.ToString(), "$($Record.ErrorDetails.Message)", "$($Record.ErrorDetails.RecommendedAction)",
      "$($Record.TargetObject)", $Record.FullyQualifiedErrorId, ($Record.InvocationInfo.Line)) -join "`n"
}
