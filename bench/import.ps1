<#
.SYNOPSIS
    Benchmarks Import-FiberSqsClickHouse against the original's loader on the same server and tables.
.DESCRIPTION
    Generates (once, cached in -WorkFolder) a dataset of -AppLogRows app-log rows with Tier 2, then alternates:
      curl     the original's loader: `curl --data-binary @file` of each CSV, one after another, into the same
               (freshly created, empty) tables with INSERT ... FORMAT CSVWithNames;
      import   Import-FiberSqsClickHouse (staging tables loaded in parallel, row counts checked, swap, 45 views,
               post-load validation): both its load phase and the whole cmdlet are timed;
      gzip     the importer's core with gzip request bodies (what it does for a remote server), for comparison.
    Prints rows/s per run, the medians and the ratios (target: import load >= 1.5x curl). Uses -Uri when given,
    else starts a private ClickHouse server (tests/pester/ClickHouseTestServer.ps1) and stops it at the end.
    The module must be built first (./build.ps1). Not part of the test suite.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./bench/import.ps1 -Runs 3
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 20)] [int] $Runs = 3,
    [long] $AppLogRows = 1500000,
    [string] $Uri,
    [string] $WorkFolder = (Join-Path ([IO.Path]::GetTempPath()) 'fibersqs-bench-import')
)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$repo = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
Import-Module (Join-Path $repo 'FiberSqs.psd1') -Force
. (Join-Path $repo 'tests/pester/ClickHouseTestServer.ps1')
New-Item -ItemType Directory -Force $WorkFolder | Out-Null

$dataset = Join-Path $WorkFolder "dataset-$AppLogRows"
$truthPath = Join-Path $dataset 'ground_truth.json'
if (-not (Test-Path $truthPath) -or ((Get-Content -Raw $truthPath | ConvertFrom-Json).generation.parameters.app_log_rows -ne $AppLogRows)) {
    Write-Host "Generating $AppLogRows app-log rows with Tier 2 into $dataset"
    $null = New-FiberSqsDataset -OutputPath $dataset -AppLogRows $AppLogRows -EnableTier2 -Force
}
$truth = Get-Content -Raw $truthPath | ConvertFrom-Json
$rows = ($truth.generation.row_counts.PSObject.Properties.Value | Measure-Object -Sum).Sum
$bytes = (Get-ChildItem (Join-Path $dataset 'data') -File | Measure-Object Length -Sum).Sum
Write-Host ("Dataset: {0:N0} rows, {1:N0} MB in {2} CSVs" -f $rows, ($bytes / 1MB), @($truth.generation.row_counts.PSObject.Properties).Count)

$server = $null
if (-not $Uri) { $server = Start-ClickHouseTestServer; $Uri = $server.Url }
try {
    $endpoint = [FiberSqs.Core.ClickHouse.ClickHouseEndpoint]::Parse($Uri)
    $connection = [FiberSqs.Core.ClickHouse.ClickHouseConnection]::OpenAsync($endpoint, $null, $null, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
    $sql = [FiberSqs.Core.ClickHouse.ClickHouseSql]::new($connection.Dialect, 'fsq_bench_curl', 'default')
    function Invoke-Sql([string] $Statement) { $null = $connection.RunAsync($Statement, [Threading.CancellationToken]::None).GetAwaiter().GetResult() }
    Write-Host "Server: $($endpoint.DisplayUrl), ClickHouse $($connection.Version)"
    $tables = [FiberSqs.Core.Tables.TableCatalog]::All | Where-Object { $truth.generation.row_counts.PSObject.Properties.Name -contains $_.Name }

    function Invoke-CurlLoad {
        Invoke-Sql $sql.CreateDatabase()
        foreach ($t in $tables) { Invoke-Sql $sql.DropTable($t.Name); Invoke-Sql $sql.CreateTable($t, $t.Name) }
        & sync
        $clock = [Diagnostics.Stopwatch]::StartNew()
        foreach ($t in $tables) {
            $query = [uri]::EscapeDataString($sql.InsertCsv($t, $t.Name))
            $file = [FiberSqs.Core.Files.DatasetLayout]::CsvPath($dataset, $t)
            & curl -sS --fail-with-body --data-binary "@$file" "$($endpoint.DisplayUrl)/?query=$query" | Out-Null
            if ($LASTEXITCODE -ne 0) { throw "curl failed for $($t.Name) ($LASTEXITCODE)" }
        }
        $clock.Stop()
        foreach ($t in $tables) {
            $n = [long] $connection.RunAsync($sql.TableCount($t.Name), [Threading.CancellationToken]::None).GetAwaiter().GetResult()
            if ($n -ne $truth.generation.row_counts.($t.Name)) { throw "curl load of $($t.Name): $n rows" }
        }
        $clock.Elapsed.TotalSeconds
    }

    function Invoke-CoreImport([string] $Compression) {
        $ds = [FiberSqs.Core.ClickHouse.ImportDataset]::Open($dataset)
        $options = [FiberSqs.Core.ClickHouse.ImportOptions]@{ Database = 'fsq_bench_gzip'; Compression = $Compression; WriteReport = $false }
        & sync
        $r = [FiberSqs.Core.ClickHouse.ClickHouseImporter]::RunAsync($connection, $ds, $options, $null, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
        $r.LoadElapsed.TotalSeconds
    }

    $results = foreach ($i in 1..$Runs) {
        $curl = Invoke-CurlLoad
        & sync
        $whole = [Diagnostics.Stopwatch]::StartNew()
        $import = Import-FiberSqsClickHouse -Path $dataset -Uri $Uri -Database fsq_bench
        $whole.Stop()
        if (-not $import.Passed) { throw 'The imported load failed its post-load checks.' }
        $gzip = Invoke-CoreImport 'Gzip'
        $r = [pscustomobject]@{
            Run = $i; CurlSeconds = $curl; ImportLoadSeconds = $import.LoadElapsed.TotalSeconds
            ImportWholeSeconds = $whole.Elapsed.TotalSeconds; GzipLoadSeconds = $gzip
        }
        Write-Host ("run {0}: curl {1:N2} s ({2:N0} rows/s) | import load {3:N2} s ({4:N0} rows/s), whole cmdlet {5:N2} s | gzip load {6:N2} s" -f `
            $i, $curl, ($rows / $curl), $r.ImportLoadSeconds, ($rows / $r.ImportLoadSeconds), $r.ImportWholeSeconds, $gzip)
        $r
    }

    function Get-Median([double[]] $Values) { $s = $Values | Sort-Object; $s[[int][math]::Floor(($s.Count - 1) / 2)] }
    $curlMedian = Get-Median $results.CurlSeconds
    $loadMedian = Get-Median $results.ImportLoadSeconds
    $wholeMedian = Get-Median $results.ImportWholeSeconds
    $gzipMedian = Get-Median $results.GzipLoadSeconds
    [pscustomobject]@{
        Runs                     = $Runs
        Rows                     = $rows
        MB                       = [math]::Round($bytes / 1MB, 1)
        Server                   = "ClickHouse $($connection.Version)"
        CurlRowsPerSecond        = [math]::Round($rows / $curlMedian)
        ImportLoadRowsPerSecond  = [math]::Round($rows / $loadMedian)
        ImportWholeRowsPerSecond = [math]::Round($rows / $wholeMedian)
        GzipLoadRowsPerSecond    = [math]::Round($rows / $gzipMedian)
        LoadSpeedup              = [math]::Round($curlMedian / $loadMedian, 2)
        WholeCmdletSpeedup       = [math]::Round($curlMedian / $wholeMedian, 2)
        TargetMet                = ($curlMedian / $loadMedian) -ge 1.5
    } | Format-List
    foreach ($db in 'fsq_bench', 'fsq_bench_curl', 'fsq_bench_gzip') { Invoke-Sql "DROP DATABASE IF EXISTS $db" }
    $connection.Dispose()
}
finally {
    if ($server) { Stop-ClickHouseTestServer $server }
}
