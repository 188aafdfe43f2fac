<#
.SYNOPSIS
    Builds, tests and runs the FiberSqs module.
.DESCRIPTION
    Tasks:
      build  (default) publish the cmdlet assembly into ./bin, build the MAML help into ./en-US and check the
             layout against an explicit list of files, so that `Import-Module ./FiberSqs.psd1` works from here.
      test   build, run every xunit project of FiberSqs.slnx (TRX results), then Pester over
             tests/pester/*.Tests.ps1 in a child pwsh; the last line is `N passed, N failed[, N skipped]`.
      run    build, then generate a small dataset (./out/quick) and print the result and its validation.
      clean  remove everything the build and the tests wrote.
      bench  build, then run each bench/*.ps1 in a child pwsh.
    The version comes from FiberSqs.psd1 (ModuleVersion) and nowhere else.
.EXAMPLE
    dotnet tool restore && dotnet pwsh -NoProfile -File ./build.ps1 -Task test
#>
[CmdletBinding()]
param(
    [ValidateSet('build', 'test', 'run', 'clean', 'bench')]
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
$ModuleBin = Join-Path $Root 'bin'
$HelpOut = Join-Path $Root 'en-US'
$Work = Join-Path $Root '.build'
$PesterVersion = '5.7.1'

# What `dotnet publish src/FiberSqs` must produce and the module ships in ./bin: every assembly the cmdlets load.
# A dependency that is missing here only fails at a cmdlet's first call, so the build fails instead; an
# assembly the publish produces that is not listed also fails the build (add it here when you add a package).
$ModuleAssemblies = @(
    'FiberSqs.dll'
    'FiberSqs.Core.dll'
    'CsvHelper.dll'
)
# Also copied: the dependency manifest and the symbols of our own assemblies.
$ModuleSupportFiles = @(
    'FiberSqs.deps.json'
    'FiberSqs.pdb'
    'FiberSqs.Core.pdb'
)
# Reference-only assemblies that PowerShell itself provides: never shipped.
$NeverShip = @('System.Management.Automation.dll')
# The files of the laid-out module, relative to the repo root; the build fails if one is missing.
$LayoutFiles = @(
    'FiberSqs.psd1'
    'FiberSqs.Format.ps1xml'
    'en-US/FiberSqs.dll-Help.xml'
    'en-US/about_FiberSqs.help.txt'
) + ($ModuleAssemblies + $ModuleSupportFiles | ForEach-Object { "bin/$_" })

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
    $missing = @($ModuleAssemblies + $ModuleSupportFiles | Where-Object { -not (Test-Path -LiteralPath (Join-Path $publish $_)) })
    if ($missing) {
        throw "dotnet publish did not produce: $($missing -join ', '). The module would fail to load or run; check src/FiberSqs/FiberSqs.csproj."
    }
    $unexpected = @($published | Where-Object { $_ -notin $ModuleAssemblies -and $_ -notin $NeverShip })
    if ($unexpected) {
        throw "dotnet publish produced assemblies build.ps1 does not ship: $($unexpected -join ', '). Add each to `$ModuleAssemblies in build.ps1 (or remove the package that brings it)."
    }

    Write-Step 'Laying out the module in ./bin'
    # Remove, then copy: a fresh file (new inode) never disturbs a pwsh that still has the old dll mapped.
    if (Test-Path $ModuleBin) { Remove-Item -Recurse -Force $ModuleBin }
    New-Item -ItemType Directory -Path $ModuleBin | Out-Null
    foreach ($file in $ModuleAssemblies + $ModuleSupportFiles) {
        Copy-Item -LiteralPath (Join-Path $publish $file) -Destination $ModuleBin
    }

    Write-Step 'Building the MAML help from docs/en-US'
    if (Test-Path $HelpOut) { Remove-Item -Recurse -Force $HelpOut }
    Invoke-Native dotnet @('run', '--project', (Join-Path $Root 'tools/FiberSqs.HelpBuilder/FiberSqs.HelpBuilder.csproj'),
        '-c', $Configuration, '-v', 'q', '--', '--docs', (Join-Path $Root 'docs/en-US'), '--out', $HelpOut,
        '--assembly', 'FiberSqs.dll') -What 'The help builder'

    Assert-Layout $version
    Write-Step "Built FiberSqs ${version}: Import-Module $Manifest"
}

function Assert-Layout([string] $Version) {
    $missing = @($LayoutFiles | Where-Object { -not (Test-Path -LiteralPath (Join-Path $Root $_) -PathType Leaf) })
    if ($missing) {
        throw "The module layout is missing: $($missing -join ', ')."
    }
    foreach ($name in $NeverShip) {
        if (Get-ChildItem -LiteralPath $ModuleBin -Recurse -File -Filter $name) {
            throw "bin/ contains $name, a reference-only assembly that PowerShell provides; it must not ship."
        }
    }
    $stamped = [Diagnostics.FileVersionInfo]::GetVersionInfo((Join-Path $ModuleBin 'FiberSqs.dll')).ProductVersion
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

function Install-Pester {
    # Pester from NuGet: a throwaway project downloads the package; its tools/ folder is the module.
    $fetch = Join-Path $Work 'pester-fetch'
    $packages = Join-Path $Work 'packages'
    $psd1 = Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
    if (Test-Path -LiteralPath $psd1) { return $psd1 }
    New-Item -ItemType Directory -Force -Path $fetch | Out-Null
    # Empty props files stop MSBuild from importing the repo's (central package versions would apply otherwise).
    Set-Content -LiteralPath (Join-Path $fetch 'Directory.Build.props') -Value '<Project />'
    Set-Content -LiteralPath (Join-Path $fetch 'Directory.Packages.props') -Value '<Project />'
    Set-Content -LiteralPath (Join-Path $fetch 'fetch.csproj') -Value @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Pester" Version="[$PesterVersion]" /></ItemGroup>
</Project>
"@
    Write-Step "Fetching Pester $PesterVersion from NuGet"
    Invoke-Native dotnet @('restore', (Join-Path $fetch 'fetch.csproj'), '--packages', $packages, '-v', 'q') -What 'Fetching Pester'
    if (-not (Test-Path -LiteralPath $psd1)) {
        throw "Pester $PesterVersion was restored but $psd1 is missing."
    }
    $psd1
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
        $pesterModule = Install-Pester
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
    $exit = Invoke-ChildPwsh (Join-Path $Root 'tools/Invoke-QuickRun.ps1') @('-ModulePath', $Manifest, '-OutputPath', (Join-Path $Root 'out/quick'))
    if ($exit -ne 0) {
        Write-Host "The run failed (exit code $exit)."
        exit $exit
    }
}

function Invoke-Clean {
    Write-Step 'Removing build and test output'
    $targets = @($ModuleBin, $HelpOut, $Work, (Join-Path $Root 'out'))
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
