<#
.SYNOPSIS
    Regenerates the FiberSqs dataset, loads it into ClickHouse, validates the database and the files, and prints the report.
.DESCRIPTION
    The module's version of the original regen_fibersqs.sh: replace the dataset folder (-Force, only a folder
    New-FiberSqsDataset wrote), import it into ClickHouse (the previous load stays queryable until the new one is
    complete), validate the files and the loaded database, and print one report. Exits 0 when every step and
    every check passed, 1 when a check failed, 2 when a step could not run (the error and what to do are printed).
    The password of -Credential is never printed.
.PARAMETER OutputPath
    The dataset folder to (re)write.
.PARAMETER Seed
    The generator seed; the same seed and scale give byte-identical files.
.PARAMETER ScaleLogs
    Multiplier on the default 15,000,000 app-log rows (0.001 for a quick run).
.PARAMETER Uri
    The ClickHouse HTTP endpoint; by default $env:CLICKHOUSE_URL, else http://localhost:8123.
.PARAMETER Credential
    The ClickHouse user and password; by default $env:CLICKHOUSE_USER / $env:CLICKHOUSE_PASSWORD, else user default.
.PARAMETER Database
    The database to load into.
.EXAMPLE
    dotnet pwsh -NoProfile -File ./examples/Invoke-FiberSqsRegen.ps1 -OutputPath ./out -ScaleLogs 0.01 -Uri http://localhost:8123
.EXAMPLE
    ./examples/Invoke-FiberSqsRegen.ps1 -OutputPath /data/fibersqs -Credential (Get-Credential trainer) -Uri http://clickhouse.lab:8123
#>
[CmdletBinding()]
param(
    [ValidateNotNullOrEmpty()]
    [string] $OutputPath = './out/fibersqs',

    [ValidateRange(0, [long]::MaxValue)]
    [long] $Seed = 7,

    [ValidateRange(0.000001, 1000.0)]
    [double] $ScaleLogs = 1.0,

    [uri] $Uri,

    [pscredential] [System.Management.Automation.Credential()] $Credential = [pscredential]::Empty,

    [ValidateNotNullOrEmpty()]
    [string] $Database = 'fibersqs_prod'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# Use the module built beside this script (a repo checkout after ./build.ps1: out/FiberSqs/<version>/), else an
# installed one (Install-PSResource FiberSqs).
$built = @(Get-ChildItem -Path (Join-Path $PSScriptRoot '../out/FiberSqs/*/FiberSqs.psd1') -File -ErrorAction SilentlyContinue |
        Sort-Object { [version] $_.Directory.Name } -Descending)
try {
    if ($built) { Import-Module $built[0].FullName } else { Import-Module FiberSqs }
    foreach ($name in 'New-FiberSqsDataset', 'Import-FiberSqsClickHouse', 'Test-FiberSqsDataset') {
        if (-not (Get-Command $name -Module FiberSqs -ErrorAction SilentlyContinue)) {
            throw "The loaded FiberSqs module has no $name; build or install a complete module (./build.ps1)."
        }
    }
} catch {
    Write-Host "FAILED to load FiberSqs: $($_.Exception.Message)"
    exit 2
}

# Only pass what the caller gave: otherwise the cmdlets use their own defaults (environment variables).
$server = @{ Database = $Database }
if ($Uri) { $server.Uri = $Uri }
if ($Credential -ne [pscredential]::Empty) { $server.Credential = $Credential }

$step = 'generate'
try {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    Write-Host "== 1/3 Regenerating the dataset in $OutputPath (seed $Seed, scale $ScaleLogs)"
    $dataset = New-FiberSqsDataset -OutputPath $OutputPath -Seed $Seed -ScaleLogs $ScaleLogs -EnableTier2 -Force -Confirm:$false
    $dataset | Out-String -Width 200 | Write-Host

    $step = 'import'
    Write-Host "== 2/3 Importing into ClickHouse database $Database"
    $import = $dataset | Import-FiberSqsClickHouse @server -Confirm:$false
    $import | Out-String -Width 200 | Write-Host

    $step = 'validate'
    # Read the files back, and check the database the import just filled (same server, credential and database).
    Write-Host '== 3/3 Validating the files and the loaded database'
    $check = @{ Uri = $import.Url; Database = $import.Database }
    # ContainsKey: under Set-StrictMode a missing key read as a property is an error (PropertyNotFoundStrict).
    if ($server.ContainsKey('Credential')) { $check.Credential = $server.Credential }
    $validation = Test-FiberSqsDataset -Path $dataset.Path @check
    $validation | Out-String -Width 200 | Write-Host
} catch {
    $id = $_.FullyQualifiedErrorId
    Write-Host "FAILED at step '$step': $($_.Exception.Message)"
    if ($id) { Write-Host "  error id: $id" }
    if ($_.ErrorDetails -and $_.ErrorDetails.RecommendedAction) { Write-Host "  what to do: $($_.ErrorDetails.RecommendedAction)" }
    exit 2
}

# The import's post-load checks, the file checks, and the post-load checks run again by Test-FiberSqsDataset.
$checks = @($import.Validation.Checks) + @($validation.Checks)
$failed = @($checks | Where-Object { -not $_.Passed })
Write-Host ('== Report: {0} post-load and {1} file checks, {2} failed, {3:N1} s in all' -f @($import.Validation.Checks).Count, @($validation.FileChecks).Count, $failed.Count, $clock.Elapsed.TotalSeconds)
if (-not $import.Passed -or -not $validation.Passed) {
    foreach ($check in $failed) { Write-Host "FAIL $($check.Name): $($check.Message)" }
    exit 1
}
Write-Host "PASSED: dataset $($dataset.Path) is loaded into $Database and valid."
exit 0
