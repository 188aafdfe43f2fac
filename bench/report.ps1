<#
.SYNOPSIS
    Benchmarks Export-FiberSqsReport on the full default dataset (15,000,000 app-log rows, Tier 2).
.DESCRIPTION
    Generates the dataset once (not timed; reused while it exists in -WorkFolder), then writes the debrief in a
    fresh pwsh process per run, timed by /usr/bin/time -v (whole-process wall time and peak RSS, pwsh start-up
    included), against `cat` of the four CSVs the report reads (app logs, circuit and host metrics, support calls)
    into /dev/null in the same run. The module must be built first (./build.ps1). Not part of the test suite.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./bench/report.ps1 -Runs 3
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 20)] [int] $Runs = 3,
    [long] $AppLogRows = 15000000,
    # The same folder as validate.ps1's: the two share one generated dataset.
    [string] $WorkFolder = (Join-Path ([IO.Path]::GetTempPath()) 'fibersqs-bench-validate')
)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$repo = Resolve-Path (Join-Path $PSScriptRoot '..')
. (Join-Path $PSScriptRoot 'common/ModulePath.ps1')
. (Join-Path $PSScriptRoot 'common/TimedProcess.ps1')
. (Join-Path $PSScriptRoot 'common/BenchDataset.ps1')
. (Join-Path $PSScriptRoot 'common/Median.ps1')
$module = Get-FiberSqsBuiltModule $repo
New-Item -ItemType Directory -Force $WorkFolder | Out-Null
$dataset = Get-FiberSqsBenchDataset $repo $module (Join-Path $WorkFolder 'dataset') $AppLogRows
$report = Join-Path $WorkFolder 'debrief.html'
$read = @('app_logs', 'network_circuit_metrics', 'infra_host_metrics', 'tso_calls') | ForEach-Object { Join-Path $dataset.Path "data/clickhouse-$_.csv" }
$readBytes = ($read | ForEach-Object { (Get-Item $_).Length } | Measure-Object -Sum).Sum

$pwsh = @('dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-Command')
$script = "Import-Module '$module'; `$null = Export-FiberSqsReport -Path '$($dataset.Path)' -OutFile '$report' -Force"
$results = foreach ($i in 1..$Runs) {
    Push-Location $repo
    try { $r = Invoke-Timed ($pwsh + $script) $WorkFolder } finally { Pop-Location }
    Write-Host ("run {0}: {1:N2} s wall, peak RSS {2} MiB" -f $i, $r.WallSeconds, $r.PeakRssMiB)
    $r
}

$cat = Invoke-Timed @('sh', '-c', "cat $(($read | ForEach-Object { "'$_'" }) -join ' ') > /dev/null") $WorkFolder
$median = Get-MedianRun $results WallSeconds
[pscustomobject]@{
    Runs                = $Runs
    AppLogRows          = $AppLogRows
    MBRead              = [math]::Round($readBytes / 1MB)
    MedianWallSeconds   = $median.WallSeconds
    MBPerSecond         = [math]::Round($readBytes / 1MB / $median.WallSeconds, 1)
    PeakRssMiB          = ($results | Measure-Object PeakRssMiB -Maximum).Maximum
    ReportKB            = [math]::Round((Get-Item $report).Length / 1KB)
    CatToDevNullSeconds = $cat.WallSeconds
    Cores               = [Environment]::ProcessorCount
} | Format-List
