# Shared by the bench scripts (dot-source it): medians of a run's figures (the lower middle one of an even count).

function Get-MedianIndex([int] $Count) { [int][math]::Floor(($Count - 1) / 2) }

function Get-Median([double[]] $Values) { $s = @($Values | Sort-Object); $s[(Get-MedianIndex $s.Count)] }

# The whole run whose figure $By is the median, so that its other figures are reported from the same run.
function Get-MedianRun([object[]] $Runs, [string] $By) { $s = @($Runs | Sort-Object $By); $s[(Get-MedianIndex $s.Count)] }
