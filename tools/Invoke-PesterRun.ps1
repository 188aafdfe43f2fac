<#
.SYNOPSIS
    Runs Pester over the module's tests in this (child) pwsh and writes a JSON summary for build.ps1.
.DESCRIPTION
    build.ps1 -Task test starts this script in a fresh pwsh so the module dll is loaded here and not in the
    build's own process. Failed blocks (BeforeAll/AfterAll) and failed containers (a test file that does not
    even load) count as failures too, so a broken file can never pass by running nothing.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
$env:NO_COLOR = '1'
$PSStyle.OutputRendering = 'PlainText'

Import-Module $PesterModule -Force
$files = @(Get-ChildItem -LiteralPath $TestPath -Filter '*.Tests.ps1' -File | Sort-Object Name)
if (-not $files) {
    Write-Host "No Pester test files in $TestPath."
    exit 1
}

$config = New-PesterConfiguration
$config.Run.Path = [string[]] $files.FullName
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
$config.Output.RenderMode = 'Plaintext'
if ($ResultPath) {
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = $ResultPath
}

$result = Invoke-Pester -Configuration $config
$failedBlocks = @($result.FailedBlocks).Count
$failedContainers = @($result.FailedContainers).Count
[pscustomobject]@{
    Passed           = $result.PassedCount
    Failed           = $result.FailedCount + $failedBlocks + $failedContainers
    Skipped          = $result.SkippedCount
    FailedBlocks     = $failedBlocks
    FailedContainers = $failedContainers
    Result           = $result.Result
} | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath
exit ([int]($result.Result -ne 'Passed'))
