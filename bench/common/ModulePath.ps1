# Shared by the bench scripts (dot-source it): the manifest of the module build.ps1 laid out.

function Get-FiberSqsBuiltModule([string] $Repo) {
    $version = (Import-PowerShellDataFile -LiteralPath (Join-Path $Repo 'FiberSqs.psd1')).ModuleVersion
    $manifest = Join-Path $Repo "out/FiberSqs/$version/FiberSqs.psd1"
    if (-not (Test-Path -LiteralPath $manifest)) { throw "No built module at ${manifest}: run ./build.ps1 first." }
    $manifest
}
