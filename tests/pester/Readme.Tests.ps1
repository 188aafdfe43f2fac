#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The README's Examples block, run exactly as written (each example is read from README.md, not copied here), in a
# folder of its own. Datasets are made small with $PSDefaultParameterValues, which leaves the commands as written;
# the examples that need a remote server, /data or an interactive credential are left to the runbook tests.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    Import-Module (Get-FiberSqsTestModule) -Force
    $readme = Get-Content -Raw (Join-Path $PSScriptRoot '../../README.md')
    $block = [regex]::Match($readme, '(?s)## Examples\s+```powershell\n(.*?)```').Groups[1].Value
    # One example per comment line: its title and the code under it.
    $script:Examples = @{}
    foreach ($part in ($block -split '(?m)^(?=# )' | Where-Object { $_.Trim() })) {
        $lines = $part -split '\n'
        $Examples[$lines[0].TrimStart('#', ' ').Trim()] = ($lines | Select-Object -Skip 1) -join "`n"
    }

    $script:Work = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'readme')
    function Invoke-Example([string] $Title) {
        $code = $Examples.Keys | Where-Object { $_ -like "$Title*" } | ForEach-Object { $Examples[$_] }
        $code | Should -Not -BeNullOrEmpty -Because "README's Examples block has '$Title'"
        Push-Location $Work
        $PSDefaultParameterValues['New-FiberSqsDataset:ScaleLogs'] = 0.001
        try { & ([scriptblock]::Create($code)) } finally { $PSDefaultParameterValues.Remove('New-FiberSqsDataset:ScaleLogs'); Pop-Location }
    }
}

Describe 'README examples, as written' {
    It 'makes the quick dataset' {
        $ds = Invoke-Example 'A quick dataset'
        $ds.ValidationPassed | Should -BeTrue
        Join-Path $Work 'quick/ground_truth.json' | Should -Exist
    }

    It 'passes the gate in a script for a valid dataset and throws for a broken one' {
        $null = New-FiberSqsDataset -OutputPath (Join-Path $Work 'out') -ScaleLogs 0.001 -EnableTier2 -Force
        { Invoke-Example 'A gate in a script' } | Should -Not -Throw
        Remove-Item -LiteralPath (Join-Path $Work 'out/data/clickhouse-tso_calls.csv')
        { Invoke-Example 'A gate in a script' } | Should -Throw 'dataset invalid'
    }

    It 'generates the next class''s exercise and writes its scenario file' {
        $null = Invoke-Example 'Another exercise for the next class'
        $truth = Get-Content -Raw (Join-Path $Work 'class-b/ground_truth.json') | ConvertFrom-Json
        $truth.scenario.variant | Should -Be 3
        (Get-FiberSqsScenario -Path (Join-Path $Work 'class-b.json') | ConvertTo-Json -Depth 10) |
            Should -Be (Get-FiberSqsScenario -Variant 3 | ConvertTo-Json -Depth 10)
    }

    It 'scores the class from answers.csv and writes the debrief with its scores' {
        # Times as the key writes them (ConvertFrom-Json would turn them into local DateTimes, which Export-Csv then
        # writes in the session's culture).
        $truth = Get-Content -Raw (Join-Path $Work 'class-b/ground_truth.json') | ConvertFrom-Json -DateKind String
        $i = $truth.primary_incident
        $herring = $truth.confounders[0]
        @(
            [pscustomobject]@{ Team = 'right'; RootCauseKind = $truth.scenario.incident_kind; Component = $i.service; Region = $i.dst_region
                Start = $i.start; End = $i.end; FixTime = $i.fix_time; TransactionTypes = $i.affected_transaction_types -join ';'
                RedHerrings = $truth.confounders.name -join ';' }
            [pscustomobject]@{ Team = 'fooled'; RootCauseKind = $truth.scenario.confounder_kinds.($herring.name); Component = $herring.component
                Region = $herring.region; Start = $herring.start; End = $herring.end; FixTime = ''; TransactionTypes = ''; RedHerrings = '' }
        ) | Export-Csv -LiteralPath (Join-Path $Work 'answers.csv') -NoTypeInformation

        $scores = Invoke-Example 'After the exercise'
        ($scores | Where-Object Team -eq 'right').Percent | Should -BeGreaterOrEqual 95
        ($scores | Where-Object Team -eq 'fooled').Percent | Should -BeLessThan 50

        $report = Invoke-Example 'The debrief for the trainer'
        $report.FullName | Should -Be (Join-Path $Work 'class-b/debrief.html')
        $html = Get-Content -Raw $report.FullName
        $html | Should -Match 'fooled'
        $html | Should -Match ([regex]::Escape($i.service))
    }
}
