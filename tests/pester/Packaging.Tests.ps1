#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# FiberSqs as people get it: packed as Publish-PSResource would, installed from a repository with Install-PSResource,
# imported by name in a clean pwsh; and its dependencies in a load context of their own, so another module's copy
# of CsvHelper in the same session breaks nothing.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $script:ModulePath = Get-FiberSqsTestModule
    $script:ModuleBase = Split-Path -Parent $ModulePath
    $script:Version = (Import-PowerShellDataFile -LiteralPath $ModulePath).ModuleVersion

    # A clean pwsh (the same dotnet tool), with a HOME of its own so the user's module folders stay untouched; its
    # output is returned as text, and its exit code checked. dotnet itself keeps the real home (its tools and packages).
    $script:RealHome = $env:HOME
    function Invoke-CleanPwsh([string] $Script, [string] $HomeFolder) {
        $saved = $env:HOME, $env:PSModulePath, $env:DOTNET_CLI_HOME, $env:NUGET_PACKAGES
        try {
            $env:DOTNET_CLI_HOME = if ($saved[2]) { $saved[2] } else { $RealHome }
            $env:NUGET_PACKAGES = if ($saved[3]) { $saved[3] } else { Join-Path $RealHome '.nuget/packages' }
            $env:HOME = $HomeFolder
            $env:PSModulePath = $null
            $text = & dotnet pwsh -NoProfile -NonInteractive -Command $Script 2>&1 | Out-String
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = $text }
        } finally {
            $env:HOME, $env:PSModulePath, $env:DOTNET_CLI_HOME, $env:NUGET_PACKAGES = $saved
        }
    }
}

Describe 'FiberSqs as a package' {
    Context 'packed, published to a local repository and installed' {
        BeforeAll {
            $script:TestHome = Join-Path $TestDrive 'home'
            $script:Feed = Join-Path $TestDrive 'feed'
            New-Item -ItemType Directory -Path $TestHome, $Feed | Out-Null
            # What build.ps1 -Task package does: the .nupkg Publish-PSResource would push.
            Compress-PSResource -Path $ModuleBase -DestinationPath $Feed
            $script:Install = Invoke-CleanPwsh -HomeFolder $TestHome -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name FiberSqsLocal -Uri '$Feed' -Trusted
Install-PSResource -Name FiberSqs -Repository FiberSqsLocal -Scope CurrentUser -TrustRepository
(Get-InstalledPSResource -Name FiberSqs).Version.ToString()
"@
        }

        It 'packs into FiberSqs.<version>.nupkg' {
            Join-Path $Feed "FiberSqs.$Version.nupkg" | Should -Exist
        }

        It 'installs with Install-PSResource from a registered repository' {
            $Install.ExitCode | Should -Be 0 -Because $Install.Text
            $Install.Text | Should -Match ([regex]::Escape($Version))
            Get-ChildItem -Path $TestHome -Recurse -Force -Filter 'FiberSqs.psd1' | Should -Not -BeNullOrEmpty
        }

        It 'imports by name in a clean pwsh, generates a small dataset, writes its debrief and has its help' {
            $out = Join-Path $TestDrive 'installed-ds'
            $run = Invoke-CleanPwsh -HomeFolder $TestHome -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module FiberSqs
'base=' + (Get-Module FiberSqs).ModuleBase
`$d = New-FiberSqsDataset -OutputPath '$out' -AppLogRows 2000 -Seed 7
'passed=' + `$d.ValidationPassed
'synopsis=' + (Get-Help New-FiberSqsDataset).Synopsis
'about=' + ((Get-Help about_FiberSqs | Out-String) -match 'ClickHouse')
'report=' + (Export-FiberSqsReport -Path '$out').Length
"@
            $run.ExitCode | Should -Be 0 -Because $run.Text
            $run.Text | Should -Match "base=$([regex]::Escape($TestHome)).*FiberSqs[/\\]$([regex]::Escape($Version))"
            $run.Text | Should -Match 'passed=True'
            $run.Text | Should -Match 'synopsis=Writes the deterministic Fiber SQS'
            $run.Text | Should -Match 'about=True'
            $run.Text | Should -Match 'report=\d{5,}' -Because 'the debrief draws its charts with OxyPlot, shipped in bin/deps'
            Join-Path $out 'ground_truth.json' | Should -Exist
        }
    }

    Context 'another CsvHelper in the session' {
        It 'works beside a different CsvHelper that was loaded first, each in its own load context' {
            $env:FIBERSQS_OTHER_CSVHELPER | Should -Not -BeNullOrEmpty -Because 'build.ps1 -Task test fetches CsvHelper 30 for this test'
            $other = [Reflection.AssemblyName]::GetAssemblyName($env:FIBERSQS_OTHER_CSVHELPER).Version
            $ours = [Reflection.AssemblyName]::GetAssemblyName((Join-Path $ModuleBase 'bin/deps/CsvHelper.dll')).Version
            $other.Major | Should -Not -Be $ours.Major
            $out = Join-Path $TestDrive 'beside-other'
            $run = Invoke-CleanPwsh -HomeFolder (Join-Path $TestDrive 'home2') -Script @"
`$ErrorActionPreference = 'Stop'
Add-Type -LiteralPath '$($env:FIBERSQS_OTHER_CSVHELPER)'
Import-Module '$ModulePath'
`$d = New-FiberSqsDataset -OutputPath '$out' -AppLogRows 2000 -Seed 7
`$v = Test-FiberSqsDataset -Path '$out'
'passed=' + (`$d.ValidationPassed -and `$v.Passed)
foreach (`$c in [System.Runtime.Loader.AssemblyLoadContext]::All) {
    foreach (`$a in `$c.Assemblies | Where-Object { `$_.GetName().Name -eq 'CsvHelper' }) { 'csvhelper=' + `$c.Name + '=' + `$a.GetName().Version }
}
"@
            $run.ExitCode | Should -Be 0 -Because $run.Text
            $run.Text | Should -Match 'passed=True'
            $run.Text | Should -Match "csvhelper=Default=$([regex]::Escape($other.ToString()))"
            $run.Text | Should -Match "csvhelper=FiberSqs=$([regex]::Escape($ours.ToString()))"
        }
    }
}
