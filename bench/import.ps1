<#
.SYNOPSIS
    Benchmarks Import-FiberSqsClickHouse against streaming the same CSVs with curl, on the same server and tables.
.DESCRIPTION
    Generates (once, cached in -WorkFolder) a dataset of -AppLogRows app-log rows with Tier 2 (the full default:
    15,000,000), then for each run, in the same session:
      curl     `curl -T file` of each CSV, one after another, streaming the body (`INSERT ... FORMAT CSVWithNames`)
               into the importer's own tables (a first import creates them; they are emptied before every run);
      import   Import-FiberSqsClickHouse as a user runs it, in a child pwsh timed by /usr/bin/time -v: its load phase
               (LoadElapsed) and the whole process (wall time, peak RSS).
    Prints rows/s, MB/s and the ratios to curl per run and their medians (target, docs/performance.md in docs/performance.md:
    import >= 3x curl). Uses -Uri when given, else starts a private ClickHouse 18.16 (tests/pester/ClickHouseTestServer.ps1)
    and stops it at the end. The module must be built first (./build.ps1). Not part of the test suite.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./bench/import.ps1 -Runs 3
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 20)] [int] $Runs = 3,
    [long] $AppLogRows = 15000000,
    [string] $Uri,
    [string] $WorkFolder = (Join-Path ([IO.Path]::GetTempPath()) 'fibersqs-bench-import')
)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$repo = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
. (Join-Path $PSScriptRoot 'common/ModulePath.ps1')
. (Join-Path $PSScriptRoot 'common/TimedProcess.ps1')
. (Join-Path $PSScriptRoot 'common/Median.ps1')
$module = Get-FiberSqsBuiltModule $repo
Import-Module $module -Force
. (Join-Path $repo 'tests/pester/ClickHouseTestServer.ps1')
New-Item -ItemType Directory -Force $WorkFolder | Out-Null

$dataset = Join-Path $WorkFolder "dataset-$AppLogRows"
$truthPath = Join-Path $dataset 'ground_truth.json'
if (-not (Test-Path $truthPath) -or ((Get-Content -Raw $truthPath | ConvertFrom-Json).generation.parameters.app_log_rows -ne $AppLogRows)) {
    Write-Host "Generating $AppLogRows app-log rows with Tier 2 into $dataset"
    $null = New-FiberSqsDataset -OutputPath $dataset -AppLogRows $AppLogRows -EnableTier2 -Force
}
$truth = Get-Content -Raw $truthPath | ConvertFrom-Json
$counts = $truth.generation.row_counts
$tables = @($counts.PSObject.Properties.Name)
$rows = ($counts.PSObject.Properties.Value | Measure-Object -Sum).Sum
$bytes = (Get-ChildItem (Join-Path $dataset 'data') -File | Measure-Object Length -Sum).Sum
Write-Host ("Dataset: {0:N0} rows, {1:N0} MB in {2} CSVs" -f $rows, ($bytes / 1MB), $tables.Count)

$server = $null
if (-not $Uri) { $server = Start-ClickHouseTestServer; $Uri = $server.Url }
$Uri = $Uri.TrimEnd('/')
function Invoke-Sql([string] $Statement) {
    $out = & curl -sS --fail-with-body --data-binary $Statement "$Uri/"
    if ($LASTEXITCODE -ne 0) { throw "ClickHouse refused: $Statement`n$out" }
    $out
}

try {
    Write-Host "Server: $Uri, ClickHouse $(Invoke-Sql 'SELECT version()')"
    # The curl baseline loads into the very tables the importer creates (its DDL, its typed DEFAULT columns).
    $null = Import-FiberSqsClickHouse -Path $dataset -Uri $Uri -Database fsq_bench_curl -Confirm:$false
    function Invoke-CurlLoad {
        foreach ($t in $tables) { $null = Invoke-Sql "TRUNCATE TABLE fsq_bench_curl.$t" }
        & sync
        $clock = [Diagnostics.Stopwatch]::StartNew()
        foreach ($t in $tables) {
            $header = (Get-Content -LiteralPath (Join-Path $dataset "data/clickhouse-$t.csv") -TotalCount 1)
            $query = [uri]::EscapeDataString("INSERT INTO fsq_bench_curl.$t ($header) FORMAT CSVWithNames")
            & curl -sS --fail-with-body -X POST -T (Join-Path $dataset "data/clickhouse-$t.csv") "$Uri/?query=$query" | Out-Null
            if ($LASTEXITCODE -ne 0) { throw "curl failed for $t ($LASTEXITCODE)" }
        }
        $clock.Stop()
        foreach ($t in $tables) {
            $n = [long] (Invoke-Sql "SELECT count() FROM fsq_bench_curl.$t")
            if ($n -ne $counts.$t) { throw "curl load of ${t}: $n rows, $($counts.$t) expected" }
        }
        $clock.Elapsed.TotalSeconds
    }

    $phases = Join-Path $WorkFolder 'import-phases.txt'
    $script = "Import-Module '$module'; `$r = Import-FiberSqsClickHouse -Path '$dataset' -Uri '$Uri' -Database fsq_bench -Confirm:`$false; " +
        "'{0} {1}' -f `$r.LoadElapsed.TotalSeconds, `$r.Passed | Set-Content '$phases'"
    # Background merges of one load would slow the next: each timed load starts on a quiet server.
    function Wait-Merges { while ([long] (Invoke-Sql 'SELECT count() FROM system.merges') -gt 0) { Start-Sleep -Milliseconds 500 } }
    $results = foreach ($i in 1..$Runs) {
        Wait-Merges
        $curl = Invoke-CurlLoad
        Wait-Merges
        & sync
        $timed = Invoke-Timed @('dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-Command', $script) $WorkFolder
        $load, $passed = (Get-Content -Raw $phases).Trim() -split ' '
        if ($passed -ne 'True') { throw 'The imported load failed its post-load checks.' }
        $r = [pscustomobject]@{
            Run = $i; CurlSeconds = $curl; ImportLoadSeconds = [double] $load; ImportWholeSeconds = $timed.WallSeconds; PeakRssMiB = $timed.PeakRssMiB
        }
        Write-Host ("run {0}: curl -T {1:N2} s ({2:N0} rows/s) | import load {3:N2} s ({4:N0} rows/s, {5:N2}x), whole process {6:N2} s ({7:N2}x), peak RSS {8:N0} MiB" -f `
            $i, $curl, ($rows / $curl), $r.ImportLoadSeconds, ($rows / $r.ImportLoadSeconds), ($curl / $r.ImportLoadSeconds),
            $r.ImportWholeSeconds, ($curl / $r.ImportWholeSeconds), $r.PeakRssMiB)
        $r
    }

    $curlMedian = Get-Median $results.CurlSeconds
    $loadMedian = Get-Median $results.ImportLoadSeconds
    $wholeMedian = Get-Median $results.ImportWholeSeconds
    [pscustomobject]@{
        Runs                     = $Runs
        Rows                     = $rows
        MB                       = [math]::Round($bytes / 1MB, 1)
        Workers                  = [Environment]::ProcessorCount
        Server                   = "ClickHouse $(Invoke-Sql 'SELECT version()')"
        CurlSeconds              = [math]::Round($curlMedian, 2)
        CurlRowsPerSecond        = [math]::Round($rows / $curlMedian)
        CurlMBPerSecond          = [math]::Round($bytes / 1MB / $curlMedian, 1)
        ImportLoadSeconds        = [math]::Round($loadMedian, 2)
        ImportLoadRowsPerSecond  = [math]::Round($rows / $loadMedian)
        ImportWholeSeconds       = [math]::Round($wholeMedian, 2)
        ImportWholeRowsPerSecond = [math]::Round($rows / $wholeMedian)
        ImportWholeMBPerSecond   = [math]::Round($bytes / 1MB / $wholeMedian, 1)
        PeakRssMiB               = ($results.PeakRssMiB | Measure-Object -Maximum).Maximum
        LoadRatioToCurl          = [math]::Round($curlMedian / $loadMedian, 2)
        WholeRatioToCurl         = [math]::Round($curlMedian / $wholeMedian, 2)
        TargetMet                = ($curlMedian / $wholeMedian) -ge 3
    } | Format-List
    foreach ($db in 'fsq_bench', 'fsq_bench_curl') { $null = Invoke-Sql "DROP DATABASE IF EXISTS $db" }
}
finally {
    if ($server) { Stop-ClickHouseTestServer $server }
}
