<#
.SYNOPSIS
    Builds, tests and runs the FiberSqs module.
.DESCRIPTION
    Tasks:
      build    (default) dotnet publish, then lay the module out in out/FiberSqs/<version>/ (manifest, format file,
               bin/ with the cmdlet assembly, bin/deps/ with its dependencies, en-US/ with the MAML help built
               from docs/en-US), checked against an explicit list of files: Import-Module out/FiberSqs/<version>/FiberSqs.psd1.
      package  build, then the .nupkg that Publish-PSResource would push (Compress-PSResource) into out/packages.
      test     build, run every xunit project of FiberSqs.slnx (TRX results), then Pester over
               tests/pester/*.Tests.ps1 in a child pwsh; the last line is `N passed, N failed[, N skipped]`.
      run      build, then generate a small dataset (./out/quick) and print the result and its validation.
      clean    remove everything the build and the tests wrote.
      bench    build, then run each bench/*.ps1 in a child pwsh.
    The version comes from FiberSqs.psd1 (ModuleVersion) and nowhere else.
.EXAMPLE
    dotnet tool restore && dotnet pwsh -NoProfile -File ./build.ps1 -Task test
#>
[CmdletBinding()]
param(
    [ValidateSet('build', 'test', 'run', 'clean', 'bench', 'package')]
    [string] $Task = 'build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$env:NO_COLOR = '1'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
$PSStyle.OutputRendering = 'PlainText'

$Root = $PSScriptRoot
$Manifest = Join-Path $Root 'FiberSqs.psd1'
$Out = Join-Path $Root 'out'
$Work = Join-Path $Root '.build'
$PesterVersion = '5.7.1'
# Another CsvHelper than the module's, for the test that another module's copy cannot break ours.
$OtherCsvHelperVersion = '30.0.1'

# The assemblies `dotnet publish src/FiberSqs` must produce, and where each goes in the module. The cmdlet assembly
# sits in bin/ (PowerShell loads it); every dependency sits in bin/deps/, which PowerShell never probes: the cmdlet
# assembly loads them into an AssemblyLoadContext of its own (src/FiberSqs/Loading), so another module's copy of
# CsvHelper cannot break ours. A dependency missing here would only fail at a cmdlet's first call, so the build fails
# instead; an assembly the publish produces that is not listed also fails the build (add it when you add a package).
$CmdletAssemblies = @('FiberSqs.dll')
$DependencyAssemblies = @(
    'FiberSqs.Core.dll'
    'CsvHelper.dll'
    'OxyPlot.dll'
)
$ModuleAssemblies = $CmdletAssemblies + $DependencyAssemblies
# Also copied: the symbols of our own assemblies, beside them.
$Symbols = @{ 'FiberSqs.pdb' = 'bin'; 'FiberSqs.Core.pdb' = 'bin/deps' }
# Reference-only assemblies that PowerShell itself provides: never shipped.
$NeverShip = @('System.Management.Automation.dll')

function Get-ModuleFolder([string] $Version) { Join-Path $Out "FiberSqs/$Version" }

# The files of the laid-out module, relative to out/FiberSqs/<version>/; the build fails if one is missing, and if
# anything else is there.
$LayoutFiles = @(
    'FiberSqs.psd1'
    'FiberSqs.Format.ps1xml'
    'en-US/FiberSqs.dll-Help.xml'
    'en-US/about_FiberSqs.help.txt'
) + ($CmdletAssemblies | ForEach-Object { "bin/$_" }) + ($DependencyAssemblies | ForEach-Object { "bin/deps/$_" }) +
    ($Symbols.GetEnumerator() | ForEach-Object { "$($_.Value)/$($_.Key)" })

function Write-Step([string] $Message) {
    Write-Host "==> $Message"
}

function Invoke-Native {
    # Runs a native command, echoes it, and throws when it exits non-zero.
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $Arguments = @(), [string] $What = $FilePath)
    Write-Host "    $FilePath $($Arguments -join ' ')"
    & $FilePath @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$What failed with exit code $LASTEXITCODE."
    }
}

function Get-ModuleVersion {
    $data = Import-PowerShellDataFile -LiteralPath $Manifest
    $version = [string] $data.ModuleVersion
    if ($version -notmatch '^\d+\.\d+\.\d+$') {
        throw "FiberSqs.psd1 has ModuleVersion '$version'; expected three numbers such as 0.1.0."
    }
    $version
}

function Invoke-Build {
    $version = Get-ModuleVersion
    Write-Step "Publishing FiberSqs $version ($Configuration)"
    $publish = Join-Path $Work 'publish'
    if (Test-Path $publish) { Remove-Item -Recurse -Force $publish }
    Invoke-Native dotnet @('publish', (Join-Path $Root 'src/FiberSqs/FiberSqs.csproj'), '-c', $Configuration, '-o', $publish,
        '-v', 'q', '-nologo', "-p:Version=$version") -What 'dotnet publish'

    $published = @(Get-ChildItem -LiteralPath $publish -File -Filter '*.dll' | ForEach-Object Name)
    $missing = @($ModuleAssemblies + $Symbols.Keys | Where-Object { -not (Test-Path -LiteralPath (Join-Path $publish $_)) })
    if ($missing) {
        throw "dotnet publish did not produce: $($missing -join ', '). The module would fail to load or run; check src/FiberSqs/FiberSqs.csproj."
    }
    $unexpected = @($published | Where-Object { $_ -notin $ModuleAssemblies -and $_ -notin $NeverShip })
    if ($unexpected) {
        throw "dotnet publish produced assemblies build.ps1 does not ship: $($unexpected -join ', '). Add each to `$DependencyAssemblies in build.ps1 (or remove the package that brings it)."
    }

    $module = Get-ModuleFolder $version
    Write-Step "Laying out the module in $module"
    # Remove, then copy: a fresh file (new inode) never disturbs a pwsh that still has the old dll mapped.
    if (Test-Path $module) { Remove-Item -Recurse -Force $module }
    New-Item -ItemType Directory -Path (Join-Path $module 'bin/deps') | Out-Null
    Copy-Item -LiteralPath $Manifest, (Join-Path $Root 'FiberSqs.Format.ps1xml') -Destination $module
    foreach ($file in $CmdletAssemblies) { Copy-Item -LiteralPath (Join-Path $publish $file) -Destination (Join-Path $module 'bin') }
    foreach ($file in $DependencyAssemblies) { Copy-Item -LiteralPath (Join-Path $publish $file) -Destination (Join-Path $module 'bin/deps') }
    foreach ($pdb in $Symbols.GetEnumerator()) { Copy-Item -LiteralPath (Join-Path $publish $pdb.Key) -Destination (Join-Path $module $pdb.Value) }

    Write-Step 'Building the MAML help from docs/en-US'
    Invoke-Native dotnet @('run', '--project', (Join-Path $Root 'tools/FiberSqs.HelpBuilder/FiberSqs.HelpBuilder.csproj'),
        '-c', $Configuration, '-v', 'q', '--', '--docs', (Join-Path $Root 'docs/en-US'), '--out', (Join-Path $module 'en-US'),
        '--assembly', 'FiberSqs.dll') -What 'The help builder'

    Assert-Layout $version
    Write-Step "Built FiberSqs ${version}: Import-Module $(Get-BuiltManifest)"
}

function Get-BuiltManifest { Join-Path (Get-ModuleFolder (Get-ModuleVersion)) 'FiberSqs.psd1' }

function Assert-Layout([string] $Version) {
    $module = Get-ModuleFolder $Version
    $missing = @($LayoutFiles | Where-Object { -not (Test-Path -LiteralPath (Join-Path $module $_) -PathType Leaf) })
    if ($missing) {
        throw "The module layout is missing: $($missing -join ', ')."
    }
    $extra = @(Get-ChildItem -LiteralPath $module -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($module, $_.FullName) -replace '\\', '/' } |
            Where-Object { $_ -notin $LayoutFiles })
    if ($extra) {
        throw "The module layout holds files build.ps1 does not list: $($extra -join ', ')."
    }
    $stamped = [Diagnostics.FileVersionInfo]::GetVersionInfo((Join-Path $module 'bin/FiberSqs.dll')).ProductVersion
    if (-not $stamped.StartsWith($Version)) {
        throw "bin/FiberSqs.dll carries version '$stamped', the manifest says '$Version'."
    }
}

function Invoke-ChildPwsh {
    # Runs a script in a fresh pwsh (same dotnet tool) so the module dll is loaded there, not in the build's process.
    param([Parameter(Mandatory)] [string] $Script, [string[]] $Arguments = @())
    # Its output goes to the host, so that only the exit code is this function's output.
    & dotnet pwsh -NoProfile -NonInteractive -File $Script @Arguments | Out-Host
    $LASTEXITCODE
}

function Get-TrxCounts([string] $Folder) {
    $total = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0; Executed = 0; Files = 0 }
    foreach ($file in Get-ChildItem -LiteralPath $Folder -Filter '*.trx' -File -ErrorAction SilentlyContinue) {
        [xml] $trx = Get-Content -Raw -LiteralPath $file.FullName
        $c = $trx.TestRun.ResultSummary.Counters
        $total.Files++
        $total.Passed += [int] $c.passed
        $total.Failed += [int] $c.failed + [int] $c.error + [int] $c.timeout + [int] $c.aborted
        $total.Skipped += [int] $c.notExecuted
        $total.Executed += [int] $c.executed
    }
    $total
}

function Install-TestPackages {
    # Test-only packages from NuGet: a throwaway project downloads them. Pester's tools/ folder is the module; the
    # other CsvHelper is loaded before FiberSqs by the test that the module's dependencies are isolated.
    $fetch = Join-Path $Work 'test-packages-fetch'
    $packages = Join-Path $Work 'packages'
    $pester = Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
    $csvHelper = Join-Path $packages "csvhelper/$OtherCsvHelperVersion/lib/net6.0/CsvHelper.dll"
    if (-not ((Test-Path -LiteralPath $pester) -and (Test-Path -LiteralPath $csvHelper))) {
        New-Item -ItemType Directory -Force -Path $fetch | Out-Null
        # Empty props files stop MSBuild from importing the repo's (central package versions would apply otherwise).
        Set-Content -LiteralPath (Join-Path $fetch 'Directory.Build.props') -Value '<Project />'
        Set-Content -LiteralPath (Join-Path $fetch 'Directory.Packages.props') -Value '<Project />'
        Set-Content -LiteralPath (Join-Path $fetch 'fetch.csproj') -Value @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Pester" Version="[$PesterVersion]" />
    <PackageDownload Include="CsvHelper" Version="[$OtherCsvHelperVersion]" />
  </ItemGroup>
</Project>
"@
        Write-Step "Fetching Pester $PesterVersion and CsvHelper $OtherCsvHelperVersion from NuGet"
        Invoke-Native dotnet @('restore', (Join-Path $fetch 'fetch.csproj'), '--packages', $packages, '-v', 'q') -What 'Fetching the test packages'
    }
    foreach ($file in $pester, $csvHelper) {
        if (-not (Test-Path -LiteralPath $file)) { throw "The test packages were restored but $file is missing." }
    }
    [pscustomobject]@{ Pester = $pester; OtherCsvHelper = $csvHelper }
}

function Invoke-Test {
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $problems = [Collections.Generic.List[string]]::new()
    $xunit = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0; Executed = 0; Files = 0 }
    $pester = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }

    try {
        Invoke-Build
    } catch {
        Write-Host "BUILD FAILED: $($_.Exception.Message)"
        Write-Host '0 passed, 1 failed'
        exit 1
    }

    Write-Step 'Running xunit (dotnet test FiberSqs.slnx)'
    $trxFolder = Join-Path $Work 'TestResults'
    if (Test-Path $trxFolder) { Remove-Item -Recurse -Force $trxFolder }
    & dotnet test (Join-Path $Root 'FiberSqs.slnx') -c $Configuration -v q --nologo --logger 'trx' --logger 'console;verbosity=normal' --results-directory $trxFolder
    $dotnetExit = $LASTEXITCODE
    $xunit = Get-TrxCounts $trxFolder
    $projects = @(Select-Xml -LiteralPath (Join-Path $Root 'FiberSqs.slnx') -XPath '//Project/@Path' |
            Where-Object { $_.Node.Value -like '*.Tests.csproj' })
    Write-Host ("    xunit: {0} passed, {1} failed, {2} skipped in {3} result file(s) for {4} test project(s); dotnet test exit code {5}" -f
        $xunit.Passed, $xunit.Failed, $xunit.Skipped, $xunit.Files, $projects.Count, $dotnetExit)
    if ($dotnetExit -ne 0 -and $xunit.Failed -eq 0) {
        $problems.Add("dotnet test exited with $dotnetExit without a failed test: a test project failed to build or its runner crashed.")
    }
    if ($xunit.Files -lt $projects.Count) {
        $problems.Add("only $($xunit.Files) TRX result file(s) for $($projects.Count) test project(s): a test project did not run.")
    }
    if ($xunit.Executed -eq 0) {
        $problems.Add('xunit ran no test.')
    }

    Write-Step "Running Pester over tests/pester/*.Tests.ps1 (child pwsh)"
    try {
        $packages = Install-TestPackages
        $pesterModule = $packages.Pester
        # The Pester files import the module build.ps1 laid out, as a user would.
        $env:FIBERSQS_MODULE = Get-BuiltManifest
        $env:FIBERSQS_OTHER_CSVHELPER = $packages.OtherCsvHelper
        $summary = Join-Path $Work 'pester-summary.json'
        if (Test-Path $summary) { Remove-Item -Force $summary }
        $exit = Invoke-ChildPwsh (Join-Path $Root 'tools/Invoke-PesterRun.ps1') @(
            '-PesterModule', $pesterModule, '-TestPath', (Join-Path $Root 'tests/pester'), '-SummaryPath', $summary,
            '-ResultPath', (Join-Path $Work 'pester-results.xml'))
        if (Test-Path -LiteralPath $summary) {
            $s = Get-Content -Raw -LiteralPath $summary | ConvertFrom-Json
            $pester.Passed = [int] $s.Passed
            $pester.Failed = [int] $s.Failed
            $pester.Skipped = [int] $s.Skipped
            Write-Host ("    Pester: {0} passed, {1} failed, {2} skipped ({3} failed block(s), {4} failed container(s)); exit code {5}" -f
                $s.Passed, $s.Failed, $s.Skipped, $s.FailedBlocks, $s.FailedContainers, $exit)
            if ([int] $s.Passed + [int] $s.Failed -eq 0) { $problems.Add('Pester ran no test.') }
            if ($exit -ne 0 -and $pester.Failed -eq 0) { $problems.Add("the Pester run exited with $exit without a failed test.") }
        } else {
            $problems.Add("the Pester run (exit code $exit) wrote no summary: it crashed before the end.")
        }
    } catch {
        $problems.Add("Pester could not run: $($_.Exception.Message)")
    }

    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed + $problems.Count
    $skipped = $xunit.Skipped + $pester.Skipped
    foreach ($p in $problems) { Write-Host "PROBLEM: $p (counted as a failure)" }
    Write-Host ("Tests took {0:N0} s." -f $clock.Elapsed.TotalSeconds)
    $line = "$passed passed, $failed failed"
    if ($skipped -gt 0) { $line += ", $skipped skipped" }
    Write-Host $line
    exit ([int]($failed -gt 0))
}

function Invoke-Run {
    Invoke-Build
    Write-Step 'Generating a small dataset in ./out/quick (child pwsh)'
    $exit = Invoke-ChildPwsh (Join-Path $Root 'tools/Invoke-QuickRun.ps1') @('-ModulePath', (Get-BuiltManifest), '-OutputPath', (Join-Path $Root 'out/quick'))
    if ($exit -ne 0) {
        Write-Host "The run failed (exit code $exit)."
        exit $exit
    }
}

function Invoke-Clean {
    Write-Step 'Removing build and test output'
    $targets = @($Work, $Out)
    foreach ($dir in 'src', 'tests', 'tools') {
        $base = Join-Path $Root $dir
        if (Test-Path $base) {
            $targets += @(Get-ChildItem -LiteralPath $base -Directory | ForEach-Object {
                    Join-Path $_.FullName 'bin'; Join-Path $_.FullName 'obj'; Join-Path $_.FullName 'TestResults' })
        }
    }
    foreach ($t in $targets) {
        if (Test-Path -LiteralPath $t) {
            Write-Host "    removing $t"
            Remove-Item -LiteralPath $t -Recurse -Force
        }
    }
}

function Invoke-Package {
    Invoke-Build
    $packages = Join-Path $Out 'packages'
    New-Item -ItemType Directory -Force -Path $packages | Out-Null
    $version = Get-ModuleVersion
    Get-ChildItem -LiteralPath $packages -Filter "FiberSqs.$version.nupkg" -File | Remove-Item -Force
    Write-Step "Packing FiberSqs $version into $packages (Compress-PSResource: the .nupkg Publish-PSResource would push)"
    Compress-PSResource -Path (Get-ModuleFolder $version) -DestinationPath $packages
    $nupkg = Join-Path $packages "FiberSqs.$version.nupkg"
    if (-not (Test-Path -LiteralPath $nupkg)) { throw "Compress-PSResource wrote no $nupkg." }
    Write-Step "Packed ${nupkg}: Register-PSResourceRepository -Name Local -Uri $packages; Install-PSResource FiberSqs -Repository Local"
}

function Invoke-Bench {
    Invoke-Build
    $scripts = @(Get-ChildItem -LiteralPath (Join-Path $Root 'bench') -Filter '*.ps1' -File -ErrorAction SilentlyContinue | Sort-Object Name)
    if (-not $scripts) {
        Write-Host 'No benchmarks: bench/*.ps1 holds no script.'
        return
    }
    $failed = @()
    foreach ($s in $scripts) {
        Write-Step "Benchmark $($s.Name) (child pwsh)"
        if ((Invoke-ChildPwsh $s.FullName) -ne 0) { $failed += $s.Name }
    }
    if ($failed) {
        Write-Host "Benchmarks failed: $($failed -join ', ')"
        exit 1
    }
}

try {
    switch ($Task) {
        'build' { Invoke-Build }
        'package' { Invoke-Package }
        'test' { Invoke-Test }
        'run' { Invoke-Run }
        'clean' { Invoke-Clean }
        'bench' { Invoke-Bench }
    }
} catch {
    Write-Host "build.ps1 -Task $Task failed: $($_.Exception.Message)"
    exit 1
}
exit 0
