# Shared by the Pester files (dot-source it): runs one FiberSqs cmdlet in a runspace of its own and stops it the way
# Ctrl+C does (PowerShell.Stop), once a condition says it is mid-way.

function Invoke-FiberSqsCommandAndStop {
    param(
        [Parameter(Mandatory)] [string] $ModulePath,
        [Parameter(Mandatory)] [string] $Command,
        [Parameter(Mandatory)] [hashtable] $Parameters,
        # Called with the running [powershell] until it returns $true: the moment to stop.
        [Parameter(Mandatory)] [scriptblock] $Until,
        [int] $TimeoutSeconds = 30
    )
    # The module comes with the session, so the command is the only statement: a batch of statements (Import-Module;
    # command) can touch its runspace from a worker thread after Stop() and Dispose(), and crash the process.
    $session = [initialsessionstate]::CreateDefault2()
    $session.ImportPSModule($ModulePath)
    $ps = [powershell]::Create($session)
    try {
        $null = $ps.AddCommand($Command).AddParameters($Parameters)
        $noInput = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $noInput.Complete()
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $async = $ps.BeginInvoke($noInput, $output)
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
        $reached = $false
        while (-not ($reached = [bool] (& $Until $ps)) -and -not $async.IsCompleted -and [DateTime]::UtcNow -lt $deadline) {
            Start-Sleep -Milliseconds 20
        }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $ps.Stop()
        [pscustomobject]@{
            Reached     = $reached                          # the condition held before the stop
            StopSeconds = $clock.Elapsed.TotalSeconds       # how long Stop() took to return
            State       = $ps.InvocationStateInfo.State     # Stopped, unless the command had already ended
            Output      = @($output)
        }
    } finally {
        $ps.Dispose()
    }
}
