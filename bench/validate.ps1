<#
.SYNOPSIS
    Benchmarks Test-FiberSqsDataset on the full default dataset (15,000,000 app-log rows, Tier 2).
.DESCRIPTION
    Generates the dataset once (not timed; reused while it exists in -WorkFolder), then validates it in a fresh
    pwsh process per run, timed by /usr/bin/time -v (whole-process wall time and peak RSS, pwsh start-up
    included). Also prints the validator's own elapsed time and, as a floor, how long `cat data/*.csv >
    /dev/null` takes on the same (cached) bytes. The module must be built first (./build.ps1). Not part of
    the test suite.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./bench/validate.ps1 -Runs 3
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 20)] [int] $Runs = 3,
    [long] $AppLogRows = 15000000,
    [string] $WorkFolder = (Join-Path ([IO.Path]::GetTempPath()) 'fibersqs-bench-validate')
)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$repo = Resolve-Path (Join-Path $PSScriptRoot '..')
. (Join-Path $PSScriptRoot 'common/ModulePath.ps1')
$module = Get-FiberSqsBuiltModule $repo
$out = Join-Path $WorkFolder 'dataset'
$summary = Join-Path $WorkFolder 'validator-seconds.txt'
New-Item -ItemType Directory -Force $WorkFolder | Out-Null

. (Join-Path $PSScriptRoot 'common/TimedProcess.ps1')

. (Join-Path $PSScriptRoot 'common/BenchDataset.ps1')
. (Join-Path $PSScriptRoot 'common/Median.ps1')

$pwsh = @('dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-Command')
$dataset = Get-FiberSqsBenchDataset $repo $module $out $AppLogRows
$bytes = $dataset.Bytes
$rows = $dataset.Rows
# The saved validation_summary.json carries no timing (it is byte-identical per seed): the child writes the
# validator's own elapsed seconds to a file of its own.
$script = "Import-Module '$module'; `$r = Test-FiberSqsDataset -Path '$out'; " +
    "`$r.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture) | Set-Content '$summary'; " +
    "if (-not `$r.Passed) { `$r.FailedChecks | ForEach-Object { Write-Host `$_ }; exit 3 }"
$results = foreach ($i in 1..$Runs) {
    Push-Location $repo
    try { $r = Invoke-Timed ($pwsh + $script) $WorkFolder } finally { Pop-Location }
    $core = [double]::Parse((Get-Content -Raw $summary).Trim(), [cultureinfo]::InvariantCulture)
    $r | Add-Member -PassThru ValidatorSeconds $core
    Write-Host ("run {0}: {1:N2} s wall (validator {2:N2} s), peak RSS {3} MiB" -f $i, $r.WallSeconds, $core, $r.PeakRssMiB)
}

$read = Invoke-Timed @('sh', '-c', "cat '$out'/data/*.csv > /dev/null") $WorkFolder
$median = Get-MedianRun $results WallSeconds
[pscustomobject]@{
    Runs                  = $Runs
    AppLogRows            = $AppLogRows
    Rows                  = $rows
    MB                    = [math]::Round($bytes / 1MB)
    MedianWallSeconds     = $median.WallSeconds
    MedianValidatorSecs   = [math]::Round($median.ValidatorSeconds, 2)
    RowsPerSecond         = [math]::Round($rows / $median.ValidatorSeconds)
    MBPerSecond           = [math]::Round($bytes / 1MB / $median.ValidatorSeconds, 1)
    PeakRssMiB            = ($results | Measure-Object PeakRssMiB -Maximum).Maximum
    CatToDevNullSeconds   = $read.WallSeconds
    Cores                 = [Environment]::ProcessorCount
} | Format-List
