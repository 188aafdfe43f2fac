<#
.SYNOPSIS
    Benchmarks the canonical pipeline against the original generator's way, at the full default, in one session.
.DESCRIPTION
    ours      `New-FiberSqsDataset -Seed 7 -EnableTier2 | Import-FiberSqsClickHouse` in one child pwsh, timed by
              /usr/bin/time -v (wall time and peak RSS of the whole process).
    original  the original generator (`python3 generate_dataset.py --seed 7 --enable_tier2 --no-zip`) and then its
              loader (`scripts/load_csv_into_clickhouse.sh`, `curl --data-binary @file` per CSV), each timed the same
              way. The original is not part of this repository: pass a checkout of GitHub ShreyPatel4/codespaces
              as -OriginalPath or $env:FIBERSQS_ORIGINAL (it needs python3 and curl only; without it the script
              says so and does nothing). A loader that fails (its curl cannot send the
              3.4 GB app-log file on some machines) is reported with the rows it did load, not hidden.
    Both load into a private ClickHouse 18.16 (tests/pester/ClickHouseTestServer.ps1) unless -Uri is given; both
    produce -AppLogRows app-log rows as asked (the original makes about 53% of them: it assumes ten log rows a
    transaction), so rows/s are compared, with the wall times beside. Not part of the test suite.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./bench/pipeline.ps1 -OriginalPath ~/src/codespaces
#>
[CmdletBinding()]
param(
    # A checkout of the original (GitHub ShreyPatel4/codespaces); $env:FIBERSQS_ORIGINAL when not given.
    [string] $OriginalPath = $env:FIBERSQS_ORIGINAL,
    [long] $AppLogRows = 15000000,
    [string] $WorkFolder = (Join-Path ([IO.Path]::GetTempPath()) 'fibersqs-bench-pipeline')
)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$repo = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
. (Join-Path $PSScriptRoot 'common/ModulePath.ps1')
. (Join-Path $PSScriptRoot 'common/TimedProcess.ps1')
. (Join-Path $repo 'tests/pester/ClickHouseTestServer.ps1')
$module = Get-FiberSqsBuiltModule $repo
if (-not $OriginalPath) {
    # ./build.ps1 -Task bench runs every script: this one needs the original, which the repository does not hold.
    Write-Host 'bench/pipeline.ps1 skipped: give -OriginalPath (or $env:FIBERSQS_ORIGINAL), a checkout of GitHub ShreyPatel4/codespaces.'
    return
}
$OriginalPath = (Resolve-Path $OriginalPath).Path
foreach ($f in 'generate_dataset.py', 'scripts/load_csv_into_clickhouse.sh') {
    if (-not (Test-Path (Join-Path $OriginalPath $f))) { throw "-OriginalPath has no $f" }
}
if (Test-Path $WorkFolder) { Remove-Item -Recurse -Force $WorkFolder }
New-Item -ItemType Directory -Force $WorkFolder | Out-Null

$server = Start-ClickHouseTestServer
function Invoke-Sql([string] $Statement) {
    $out = & curl -sS --fail-with-body -u "$($server.User):$($server.Password)" --data-binary $Statement "$($server.Url)/"
    if ($LASTEXITCODE -ne 0) { throw "ClickHouse refused: $Statement`n$out" }
    $out
}
function Get-Counts([string] $Database) {
    $text = Invoke-Sql "SELECT table, sum(rows) FROM system.parts WHERE database = '$Database' AND active GROUP BY table FORMAT TSV"
    $counts = @{}
    foreach ($line in @($text -split "`n" | Where-Object { $_ })) { $t, $n = $line -split "`t"; $counts[$t] = [long] $n }
    $counts
}
function Get-Bytes([string] $Folder) { (Get-ChildItem (Join-Path $Folder 'data') -File -Filter '*.csv' | Measure-Object Length -Sum).Sum }

try {
    $version = Invoke-Sql 'SELECT version()'
    Write-Host "Server: $($server.Url), ClickHouse $version"

    # Ours: the README's pipeline, as a user runs it (the credential from the environment, as in a runbook).
    $ours = Join-Path $WorkFolder 'ours'
    $summary = Join-Path $WorkFolder 'ours.txt'
    $env:CLICKHOUSE_USER = $server.User; $env:CLICKHOUSE_PASSWORD = $server.Password
    $script = "Import-Module '$module'; `$r = New-FiberSqsDataset -OutputPath '$ours' -Seed 7 -AppLogRows $AppLogRows -EnableTier2 | " +
        "Import-FiberSqsClickHouse -Uri '$($server.Url)' -Database fsq_pipeline -Confirm:`$false; " +
        "'{0} {1}' -f `$r.RowsLoaded, `$r.Passed | Set-Content '$summary'"
    & sync
    $o = Invoke-Timed @('dotnet', 'pwsh', '-NoProfile', '-NonInteractive', '-Command', $script) $WorkFolder
    $oursRows, $passed = (Get-Content -Raw $summary).Trim() -split ' '
    if ($passed -ne 'True') { throw 'The pipeline''s import failed its post-load checks.' }
    $oursBytes = Get-Bytes $ours
    Write-Host ("ours: {0:N2} s for {1:N0} rows ({2:N0} MB): {3:N0} rows/s, {4:N1} MB/s, peak RSS {5:N0} MiB" -f
        $o.WallSeconds, [long] $oursRows, ($oursBytes / 1MB), ([long] $oursRows / $o.WallSeconds), ($oursBytes / 1MB / $o.WallSeconds), $o.PeakRssMiB)
    Remove-Item -Recurse -Force $ours
    $null = Invoke-Sql 'DROP DATABASE IF EXISTS fsq_pipeline'
    while ([long] (Invoke-Sql 'SELECT count() FROM system.merges') -gt 0) { Start-Sleep -Milliseconds 500 }

    # The original: its generator, then its loader into a database of its own.
    $original = Join-Path $WorkFolder 'original'
    & sync
    Push-Location $OriginalPath
    try {
        $g = Invoke-Timed @('python3', 'generate_dataset.py', '--output_dir', $original, '--seed', '7', '--app_log_rows', "$AppLogRows",
            '--enable_tier2', '--no-zip') $WorkFolder
    }
    finally { Pop-Location }
    $truth = Get-Content -Raw (Join-Path $original 'ground_truth.json') | ConvertFrom-Json
    $originalRows = ($truth.generation.row_counts.PSObject.Properties.Value | Measure-Object -Sum).Sum
    $originalBytes = Get-Bytes $original
    Write-Host ("original generator: {0:N2} s for {1:N0} rows ({2:N0} MB), peak RSS {3:N0} MiB" -f $g.WallSeconds, $originalRows, ($originalBytes / 1MB), $g.PeakRssMiB)

    $null = Invoke-Sql 'CREATE DATABASE IF NOT EXISTS fsq_original'
    $env:CLICKHOUSE_URL = $server.Url
    & sync
    $loadError = $null
    try {
        $l = Invoke-Timed @((Join-Path $OriginalPath 'scripts/load_csv_into_clickhouse.sh'), '-s', (Join-Path $original 'data'),
            '--database', 'fsq_original') $WorkFolder
    }
    catch {
        $loadError = $_.Exception.Message
        $l = [pscustomobject]@{ WallSeconds = [double]::NaN; PeakRssMiB = [double]::NaN }
    }
    $loaded = Get-Counts 'fsq_original'
    $loadedRows = ($loaded.Values | Measure-Object -Sum).Sum
    Write-Host ("original loader: {0} s, {1:N0} of {2:N0} rows loaded, peak RSS {3} MiB{4}" -f
        $l.WallSeconds, $loadedRows, $originalRows, $l.PeakRssMiB, $(if ($loadError) { " (failed: $loadError)" } else { '' }))

    # Where its loader cannot run (its DDL needs DateTime64, which 18.16 lacks), its load step alone: the same
    # `curl --data-binary @file` per CSV, into tables of String columns (less work for the server than its typed ones,
    # so this favours the original).
    $fallback = $null
    if ($loadError) {
        $null = Invoke-Sql 'DROP DATABASE IF EXISTS fsq_original'
        $null = Invoke-Sql 'CREATE DATABASE fsq_original'
        $files = Get-ChildItem (Join-Path $original 'data') -Filter 'clickhouse-*.csv'
        foreach ($f in $files) {
            $t = $f.BaseName.Substring('clickhouse-'.Length)
            $columns = ((Get-Content -LiteralPath $f.FullName -TotalCount 1) -split ',' | ForEach-Object { "``$_`` String" }) -join ', '
            $null = Invoke-Sql "CREATE TABLE fsq_original.$t ($columns) ENGINE = MergeTree ORDER BY tuple()"
        }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $curlError = $null
        foreach ($f in $files) {
            $t = $f.BaseName.Substring('clickhouse-'.Length)
            & curl -sS -f -u "$($server.User):$($server.Password)" --data-binary "@$($f.FullName)" `
                "$($server.Url)/?query=INSERT%20INTO%20fsq_original.$t%20FORMAT%20CSVWithNames" 2>&1 | Out-Null
            if ($LASTEXITCODE -ne 0) { $curlError = "curl --data-binary failed for $t ($LASTEXITCODE)" }
        }
        $clock.Stop()
        $fallbackRows = ((Get-Counts 'fsq_original').Values | Measure-Object -Sum).Sum
        $fallback = [pscustomobject]@{ Seconds = $clock.Elapsed.TotalSeconds; Rows = $fallbackRows; Error = $curlError }
        Write-Host ("original's curl --data-binary per CSV (String tables): {0:N2} s, {1:N0} of {2:N0} rows{3}" -f
            $fallback.Seconds, $fallbackRows, $originalRows, $(if ($curlError) { " ($curlError)" } else { '' }))
        if (-not $curlError) { $l = [pscustomobject]@{ WallSeconds = $fallback.Seconds; PeakRssMiB = $l.PeakRssMiB }; $loadError = $null }
    }

    $originalSeconds = $g.WallSeconds + $l.WallSeconds
    $oursRate = [long] $oursRows / $o.WallSeconds
    [pscustomobject]@{
        Server                   = "ClickHouse $version"
        Workers                  = [Environment]::ProcessorCount
        AppLogRowsAsked          = $AppLogRows
        OursRows                 = [long] $oursRows
        OursMB                   = [math]::Round($oursBytes / 1MB, 1)
        OursSeconds              = $o.WallSeconds
        OursRowsPerSecond        = [math]::Round($oursRate)
        OursPeakRssMiB           = $o.PeakRssMiB
        OriginalRows             = $originalRows
        OriginalMB               = [math]::Round($originalBytes / 1MB, 1)
        OriginalGenerateSeconds  = $g.WallSeconds
        OriginalGeneratePeakMiB  = $g.PeakRssMiB
        OriginalLoadSeconds      = $l.WallSeconds
        OriginalLoadPeakMiB      = $l.PeakRssMiB
        OriginalRowsLoaded       = $loadedRows
        OriginalLoadError        = $loadError
        OriginalLoaderAsShipped  = if ($fallback) { 'failed on this server; load timed as its curl --data-binary per CSV into String tables' } else { 'ran' }
        OriginalRowsPerSecond    = if ($loadError) { $null } else { [math]::Round($originalRows / $originalSeconds) }
        SpeedupRowsPerSecond     = if ($loadError) { $null } else { [math]::Round($oursRate / ($originalRows / $originalSeconds), 1) }
        SpeedupOverGeneratorOnly = [math]::Round($oursRate / ($originalRows / $g.WallSeconds), 1)
    } | Format-List
}
finally {
    $env:CLICKHOUSE_USER = $null; $env:CLICKHOUSE_PASSWORD = $null; $env:CLICKHOUSE_URL = $null
    Stop-ClickHouseTestServer $server
}
