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
foreach ($name in 'New-FiberSqsDataset', 'Test-FiberSqsDataset') {
    if (-not (Get-Command $name -Module FiberSqs -ErrorAction SilentlyContinue)) {
        Write-Host "The FiberSqs module in this build has no $name cmdlet yet; the run cannot go on."
        exit 2
    }
}

$dataset = New-FiberSqsDataset -OutputPath $OutputPath -Seed 7 -ScaleLogs 0.001 -EnableTier2 -Force
$dataset | Format-List | Out-Host
$dataset.Tables | Format-Table -AutoSize | Out-Host

# New-FiberSqsDataset validates what it wrote; Test-FiberSqsDataset reads the folder back as a user would.
$validation = $dataset | Test-FiberSqsDataset
$validation | Out-Host
$validation.Checks | Format-Table -AutoSize -Wrap | Out-Host
if (-not $validation.Passed) {
    Write-Host "Validation FAILED for $($dataset.Path)."
    exit 1
}
Write-Host "Dataset in $($dataset.Path) passed validation."
