<#
.SYNOPSIS
    The main job on a small dataset, for build.ps1 -Task run: generate, then show the result and its validation.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputPath
)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'

Import-Module $ModulePath
function Assert-Cmdlet([string] $Name) {
    if (-not (Get-Command $Name -Module FiberSqs -ErrorAction SilentlyContinue)) {
        Write-Host "The FiberSqs module in this build has no $Name cmdlet; the run cannot go on."
        exit 2
    }
}

Assert-Cmdlet New-FiberSqsDataset

$dataset = New-FiberSqsDataset -OutputPath $OutputPath -Seed 7 -ScaleLogs 0.001 -EnableTier2 -Force
$dataset | Format-List | Out-String -Width 200 | Write-Host
$dataset.Tables | Format-Table -AutoSize | Out-String -Width 200 | Write-Host

Assert-Cmdlet Test-FiberSqsDataset
# New-FiberSqsDataset validates what it wrote; Test-FiberSqsDataset reads the folder back as a user would.
$validation = $dataset | Test-FiberSqsDataset
$validation | Out-String -Width 200 | Write-Host
$validation.Checks | Format-Table -AutoSize -Wrap | Out-String -Width 200 | Write-Host
if (-not $validation.Passed) {
    Write-Host "Validation FAILED for $($dataset.Path)."
    exit 1
}
Write-Host "Dataset in $($dataset.Path) passed validation."
