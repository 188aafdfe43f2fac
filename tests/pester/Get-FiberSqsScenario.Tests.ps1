#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Get-FiberSqsScenario and New-FiberSqsDataset -Scenario as a trainer calls them: the classic, a class of variants,
# the JSON round trip, ScenarioInvalid naming the field, and generated variants that pass validation.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    Import-Module (Get-FiberSqsTestModule) -Force
    function Get-FolderHash([string] $Path) {
        Get-ChildItem -LiteralPath $Path -Recurse -File | Where-Object Name -ne '.fibersqs-dataset' | Sort-Object FullName |
            ForEach-Object { '{0} {1}' -f $_.FullName.Substring($Path.Length), (Get-FileHash -LiteralPath $_.FullName).Hash }
    }
}

Describe 'Get-FiberSqsScenario' {
    It 'returns the classic exercise by default' {
        $s = Get-FiberSqsScenario
        $s | Should -BeOfType ([FiberSqs.FiberSqsScenario])
        $s.Name | Should -Be 'classic'
        $s.Incident.Component | Should -Be 'CKT-CEN-EAS-003'
        $s.Incident.Start | Should -Be ([datetime]::new(2025, 12, 3, 12, 20, 0, [DateTimeKind]::Utc))
        $s.Confounders.Name | Should -Be @('central_cpu_spike', 'west_deployment_blip')
    }

    It 'gives a class of 30 variants 30 different answers, the same on every call' {
        $class = 1..30 | Get-FiberSqsScenario
        $class.Count | Should -Be 30
        @($class | ForEach-Object { '{0} {1:o}' -f $_.Incident.Component, $_.Incident.Start } | Sort-Object -Unique).Count | Should -Be 30
        (Get-FiberSqsScenario -Variant 12 | ConvertTo-Json -Depth 10) | Should -Be ($class[11] | ConvertTo-Json -Depth 10)
    }

    It 'reads back its own JSON form unchanged' {
        $file = Join-Path $TestDrive 'v5.json'
        Get-FiberSqsScenario -Variant 5 | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $file
        (Get-FiberSqsScenario -Path $file | ConvertTo-Json -Depth 10) | Should -Be (Get-FiberSqsScenario -Variant 5 | ConvertTo-Json -Depth 10)
    }

    It 'names the field of a bad file with ScenarioInvalid, and reads the next file of the pipeline' {
        $good = Join-Path $TestDrive 'good.json'
        $bad = Join-Path $TestDrive 'bad.json'
        Get-FiberSqsScenario | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $good
        (Get-Content -Raw $good) -replace 'CKT-CEN-EAS-003', 'CKT-CEN-MAR-003' | Set-Content -LiteralPath $bad
        $out = Get-Item $bad, $good | Get-FiberSqsScenario -ErrorVariable problems -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ScenarioInvalid,FiberSqs.Commands.GetFiberSqsScenarioCommand'
        $problems[0].Exception.Message | Should -Match '^Incident\.Component: '
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'refuses a file that is not JSON with ScenarioInvalid' {
        $file = Join-Path $TestDrive 'not.json'
        Set-Content -LiteralPath $file 'not json at all'
        { Get-FiberSqsScenario -Path $file -ErrorAction Stop } | Should -Throw -ErrorId 'ScenarioInvalid,FiberSqs.Commands.GetFiberSqsScenarioCommand'
    }

    It 'sets the difficulty with -Difficulty and refuses a level it does not know' {
        (Get-FiberSqsScenario -Variant 2 -Difficulty hard).Difficulty | Should -Be 'hard'
        (Get-FiberSqsScenario -Difficulty standard).Incident.Component | Should -Be 'CKT-CEN-EAS-003'
        { Get-FiberSqsScenario -Difficulty nightmare } | Should -Throw -ErrorId 'ParameterArgumentValidationError,FiberSqs.Commands.GetFiberSqsScenarioCommand'
    }

    It 'refuses variant 0 by parameter validation' {
        { Get-FiberSqsScenario -Variant 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,FiberSqs.Commands.GetFiberSqsScenarioCommand'
    }
}

Describe 'New-FiberSqsDataset -Scenario' {
    It 'writes exactly the default bytes for the classic object, its JSON file and its ConvertFrom-Json form' {
        $default = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'default') -Seed 3 -AppLogRows 15000
        $file = Join-Path $TestDrive 'classic.json'
        Get-FiberSqsScenario | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath $file
        $fromObject = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'object') -Seed 3 -AppLogRows 15000 -Scenario (Get-FiberSqsScenario)
        $fromFile = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'file') -Seed 3 -AppLogRows 15000 -Scenario $file
        $fromJson = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'json') -Seed 3 -AppLogRows 15000 -Scenario (Get-Content -Raw $file | ConvertFrom-Json)
        $expected = Get-FolderHash $default.Path
        Get-FolderHash $fromObject.Path | Should -Be $expected
        Get-FolderHash $fromFile.Path | Should -Be $expected
        Get-FolderHash $fromJson.Path | Should -Be $expected
    }

    It 'generates variant <_> (each incident kind in turn), names its component in the key only, and passes Test-FiberSqsDataset' -ForEach @(1, 2, 3, 4) {
        $variant = Get-FiberSqsScenario -Variant $_
        $ds = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive "v$_") -AppLogRows 60000 -EnableTier2 -Scenario $variant
        $ds.ValidationPassed | Should -BeTrue
        $truth = Get-Content -Raw (Join-Path $ds.Path 'ground_truth.json') | ConvertFrom-Json
        $truth.scenario.variant | Should -Be $_
        $truth.scenario.incident_kind | Should -Be $variant.Incident.Kind
        $readme = Get-Content -Raw (Join-Path $ds.Path 'README.md')
        switch ($variant.Incident.Kind) {
            'network_circuit_degradation' { $truth.primary_incident.circuit_id | Should -Be $variant.Incident.Component }
            'host_saturation' {
                $truth.primary_incident.hosts | Should -Be ($variant.Incident.Component -split ',')
                $truth.primary_incident.root_cause_type | Should -Be 'infra'
            }
            default {
                $truth.primary_incident.service | Should -Be $variant.Incident.Component
                $truth.primary_incident.PSObject.Properties.Name | Should -Not -Contain 'circuit_id'
            }
        }
        foreach ($part in $variant.Incident.Component -split ',') {
            if ($part -match '^(CKT-|fibersqs-)') { $readme | Should -Not -Match ([regex]::Escape($part)) }
        }
        $readme | Should -Not -Match ([regex]::Escape($variant.Incident.Kind))
        Test-FiberSqsDataset -Path $ds.Path -Quiet | Should -BeTrue
    }

    It 'writes a hard variant that passes Test-FiberSqsDataset, with its level, sampling and loss in the key' {
        $ds = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'hard') -AppLogRows 60000 -EnableTier2 -Scenario (Get-FiberSqsScenario -Variant 8 -Difficulty hard)
        $ds.ValidationPassed | Should -BeTrue
        $truth = Get-Content -Raw (Join-Path $ds.Path 'ground_truth.json') | ConvertFrom-Json
        $truth.scenario.difficulty | Should -Be 'hard'
        $truth.generation.parameters.trace_sampling | Should -Be 0.6
        $truth.generation.parameters.log_loss | Should -Be 0.01
    }

    It 'refuses a scenario it cannot generate with ScenarioInvalid before writing anything' {
        $s = Get-FiberSqsScenario
        $s.Incident.Kind = 'solar_flare'
        $target = Join-Path $TestDrive 'never'
        { New-FiberSqsDataset -OutputPath $target -AppLogRows 15000 -Scenario $s } |
            Should -Throw -ErrorId 'ScenarioInvalid,FiberSqs.Commands.NewFiberSqsDatasetCommand'
        $target | Should -Not -Exist
    }
}
