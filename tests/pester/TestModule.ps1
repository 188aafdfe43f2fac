# Dot-sourced by the Pester files: the module as build.ps1 laid it out (out/FiberSqs/<version>/), which the tests
# import as a user would. build.ps1 -Task test passes its path in FIBERSQS_MODULE; run alone, the path follows the
# source manifest's version.

function Get-FiberSqsTestModule {
    if ($env:FIBERSQS_MODULE) { return $env:FIBERSQS_MODULE }
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $repo 'FiberSqs.psd1')).ModuleVersion
    $manifest = Join-Path $repo "out/FiberSqs/$version/FiberSqs.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) { throw "No built module at ${manifest}: run ./build.ps1 first." }
    $manifest
}
