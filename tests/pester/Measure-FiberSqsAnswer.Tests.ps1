#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Measure-FiberSqsAnswer as a trainer calls it after an exercise: one team's hashtable, JSON files, a class from a CSV
# (a bad row is AnswerInvalid, the others are scored), a -Path that is not a dataset, the console view, and the help's
# examples run as written.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    Import-Module (Get-FiberSqsTestModule) -Force
    # One small classic dataset for the whole file: scoring reads only its ground_truth.json.
    $script:Dataset = (New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'out') -Seed 7 -ScaleLogs 0.001).Path
    $script:Noise = (Get-Content -Raw (Join-Path $Dataset 'ground_truth.json') | ConvertFrom-Json).tso_noise.noise_counts
    $script:Command = 'FiberSqs.Commands.MeasureFiberSqsAnswerCommand'

    # The classic's answer, all of it right, as a team would type it.
    function New-PerfectAnswer {
        @{
            Team = 'perfect'; RootCauseKind = 'network'; Component = 'CKT-CEN-EAS-003'; Region = 'central -> east'
            Start = '2025-12-03T12:20:00Z'; End = '2025-12-05T18:10Z'; FixTime = '2025-12-05T18:15Z'
            TransactionTypes = 'provision_fiber_sqs', 'modify_service_profile'
            RedHerrings = 'central_cpu_spike', 'west deployment'
            fn_missing_txn_id = $Noise.missing; fp_nonexistent_txn_id = $Noise.fabricated; wrong_link = $Noise.wrong_customer; tp = $Noise.clean
        }
    }

    function Write-ClassCsv([string] $Path) {
        $n = $Noise
        @"
Team,RootCauseKind,Component,Region,Start,End,FixTime,TransactionTypes,RedHerrings,fn_missing_txn_id,fp_nonexistent_txn_id,wrong_link,tp
red,network,CKT-CEN-EAS-003,central -> east,2025-12-03T12:20Z,2025-12-05T18:10Z,2025-12-05T18:15Z,provision_fiber_sqs;modify_service_profile,central_cpu_spike;west_deployment_blip,$($n.missing),$($n.fabricated),$($n.wrong_customer),$($n.clean)
blue,Network,CKT-CEN-EAS-217,central -> east,2025-12-03T12:50Z,2025-12-05T18:40Z,2025-12-05T18:45Z,provision_fiber_sqs;modify_service_profile,central cpu,,,,
green,infra,fibersqs-prod-central-host05,central,2025-12-02T09:30Z,2025-12-02T11:00Z,,provision_fiber_sqs,west deployment,,,,
yellow,network,CKT-CEN-EAS-003,central -> east,yesterday afternoon,2025-12-05T18:10Z,,,,,,,
white,network,CKT-CEN-EAS-003,central,2025-12-03T12:20Z,2025-12-05T18:10Z,,"provision_fiber_sqs, modify_service_profile",,,,,
"@ | Set-Content -LiteralPath $Path
    }
}

Describe 'Measure-FiberSqsAnswer' {
    Context 'one answer' {
        It 'scores a perfect hashtable 100 of 100, with one record per criterion' {
            $s = Measure-FiberSqsAnswer -Path $Dataset -Answer (New-PerfectAnswer)
            $s | Should -BeOfType ([FiberSqs.FiberSqsScore])
            $s.Team | Should -Be 'perfect'
            $s.Score | Should -Be 100
            $s.MaxScore | Should -Be 100
            $s.Percent | Should -Be 100
            $s.MostMissed | Should -BeNullOrEmpty
            $s.Feedback | Should -Be 'Perfect: every criterion in full.'
            $s.Path | Should -Be $Dataset
            # What the debrief report reads, by these names.
            $s.Criteria.Name | Should -Be @('RootCauseKind', 'Component', 'Region', 'Window', 'FixTime', 'TransactionTypes', 'RedHerrings', 'TsoCounts')
            ($s.Criteria | Measure-Object Points -Sum).Sum | Should -Be 100
            ($s.Criteria | Measure-Object MaxPoints -Sum).Sum | Should -Be 100
            $s.Criteria[1].Expected | Should -Be 'CKT-CEN-EAS-003 (central -> east)'
        }

        It 'takes the fields as parameters, a [datetime] as it is' {
            $s = Measure-FiberSqsAnswer $Dataset -Team typed -RootCauseKind NETWORK -Component CKT-CEN-EAS-003 `
                -Start ([datetime]::new(2025, 12, 3, 12, 20, 0, [DateTimeKind]::Utc)) -End '2025-12-05 18:10'
            $s.Team | Should -Be 'typed'
            $s.Criterion('Window').Points | Should -Be 20
            $s.Criterion('Region').Given | Should -Be 'central, east (from the Component)'
            $s.Criterion('FixTime').Why | Should -Be 'not given'
            $s.Score | Should -Be 75
        }

        It 'scores a red herring blamed as the root cause under half' {
            $blame = @{ Team = 'cpu'; RootCauseKind = 'host_saturation'; Component = 'fibersqs-prod-central-host04'; Region = 'central'
                Start = '2025-12-02T09:30Z'; End = '2025-12-02T11:00Z'; TransactionTypes = 'provision_fiber_sqs;modify_service_profile'
                RedHerrings = 'west deployment'; tp = $Noise.clean }
            $s = Measure-FiberSqsAnswer -Path $Dataset -Answer $blame
            $s.BlamedRedHerring | Should -Be 'central_cpu_spike'
            $s.Percent | Should -BeLessThan 50
            $s.Feedback | Should -Match '^Blamed the red herring central_cpu_spike \(host_saturation in central'
        }

        It 'reads a JSON file, named after the file when it names no team, and warns of a field it does not know' {
            $answer = New-PerfectAnswer
            $answer.Remove('Team')
            $answer['RedHerring'] = 'typo'
            $file = Join-Path $TestDrive 'orange.json'
            $answer | ConvertTo-Json | Set-Content -LiteralPath $file
            $s = Measure-FiberSqsAnswer -Path $Dataset -Answer $file -WarningVariable warned 3>$null
            $s.Team | Should -Be 'orange'
            $s.Source | Should -Be $file
            $s.Score | Should -Be 100
            "$warned" | Should -Match "ignored 'RedHerring'"
        }

        It 'reads JSON text and ConvertFrom-Json objects, whose times are [datetime]s' {
            $json = New-PerfectAnswer | ConvertTo-Json
            (Measure-FiberSqsAnswer -Path $Dataset -Answer $json).Score | Should -Be 100
            $object = $json | ConvertFrom-Json
            $object.Start | Should -BeOfType ([datetime])
            (Measure-FiberSqsAnswer -Path $Dataset -Answer $object).Score | Should -Be 100
            ($object | Measure-FiberSqsAnswer -Path $Dataset).Score | Should -Be 100
        }
    }

    Context 'a class' {
        BeforeAll {
            $script:Csv = Join-Path $TestDrive 'answers.csv'
            Write-ClassCsv $Csv
            $script:Class = Import-Csv $Csv | Measure-FiberSqsAnswer -Path $Dataset -ErrorVariable script:Problems -ErrorAction SilentlyContinue
        }

        It 'scores every readable row, in order' {
            $Class.Team | Should -Be @('red', 'blue', 'green', 'white')
            $Class[0].Percent | Should -Be 100
        }

        It 'gives partial credit to a window 30 minutes off and the right pair with the wrong circuit' {
            $blue = $Class[1]
            $blue.Criterion('Window').Points | Should -Be 10
            $blue.Criterion('Component').Points | Should -Be 12
            $blue.Criterion('Component').Why | Should -Match 'healthy circuit of the right pair'
            $blue.Percent | Should -BeGreaterThan 50
            $blue.Percent | Should -BeLessThan 100
        }

        It 'scores the team that blamed the red herring under half' {
            $Class[2].BlamedRedHerring | Should -Be 'central_cpu_spike'
            $Class[2].Percent | Should -BeLessThan 50
        }

        It 'reads a list cell separated by commas too' {
            $Class[3].Criterion('TransactionTypes').Points | Should -Be 10
        }

        It 'writes AnswerInvalid for the bad row, naming its team and the field' {
            @($Problems).Count | Should -Be 1
            $e = $Problems[0]
            $e.FullyQualifiedErrorId | Should -Be "AnswerInvalid,$Command"
            $e.CategoryInfo.Category | Should -Be 'InvalidData'
            $e.Exception.Message | Should -Match "^Start: 'yesterday afternoon' is not a time"
            $e.TargetObject | Should -Be 'yellow'
            "$e" | Should -Match "^The answer of team 'yellow' \(answer 4\) cannot be scored: Start:"
        }

        It 'shows the class as one line per team within 80 columns' {
            $text = $Class | Out-String -Width 80
            $lines = @($text.Trim() -split '\r?\n')
            $lines[0] | Should -Match '^Team\s+Score\s+Percent\s+MostMissed\s+BlamedRedHerring$'
            $text | Should -Match '(?m)^red\s+100/100\s+100\.0%\s+-'
            $text | Should -Match '(?m)^blue\s+[\d.]+/100\s+[\d.]+%\s+Component 12/25'
            $text | Should -Match '(?m)^green\s+[\d.]+/100\s+[\d.]+%\s+Component 0/25\s+central_cpu_spike$'
            $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
            ($Class[1].Criteria | Out-String -Width 120) | Should -Match 'Name\s+Points\s+Expected\s+Given\s+Why'
        }

        It 'scores the JSON files Get-ChildItem pipes, and goes on past one that is not JSON' {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'handed-in')
            New-PerfectAnswer | ConvertTo-Json | Set-Content -LiteralPath (Join-Path $folder 'a-team.json')
            'not json' | Set-Content -LiteralPath (Join-Path $folder 'b-team.json')
            $answer = New-PerfectAnswer
            $answer.Team = 'c'
            $answer.Component = 'CKT-EAS-CEN-003'
            $answer | ConvertTo-Json | Set-Content -LiteralPath (Join-Path $folder 'c-team.json')
            $scores = Get-ChildItem (Join-Path $folder '*.json') | Measure-FiberSqsAnswer -Path $Dataset -ErrorVariable bad -ErrorAction SilentlyContinue
            $scores.Team | Should -Be @('perfect', 'c')
            $scores[1].Criterion('Component').Points | Should -Be 8
            $bad[0].FullyQualifiedErrorId | Should -Be "AnswerInvalid,$Command"
            $bad[0].Exception.Message | Should -Match "^Answer: the file '.*b-team\.json' is not JSON"
        }
    }

    Context 'answers that cannot be scored' {
        It 'names a missing required field' {
            $answer = New-PerfectAnswer
            $answer.Remove('Component')
            { Measure-FiberSqsAnswer -Path $Dataset -Answer $answer -ErrorAction Stop } | Should -Throw -ErrorId "AnswerInvalid,$Command"
            Measure-FiberSqsAnswer -Path $Dataset -Answer $answer -ErrorVariable e -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $e[0].Exception.Message | Should -Match '^Component: missing'
        }

        It 'names an unknown kind word and lists the allowed ones' {
            $answer = New-PerfectAnswer
            $answer.RootCauseKind = 'gremlins'
            Measure-FiberSqsAnswer -Path $Dataset -Answer $answer -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].Exception.Message | Should -Match "^RootCauseKind: 'gremlins' is not a kind; use one of network_circuit_degradation, .*deployment\.$"
        }

        It 'refuses a JSON file that is missing as InvalidArgument, and scores the next answer' {
            $out = Measure-FiberSqsAnswer -Path $Dataset -Answer (Join-Path $TestDrive 'none.json'), (New-PerfectAnswer) -ErrorVariable e -ErrorAction SilentlyContinue
            @($out).Count | Should -Be 1
            $e[0].FullyQualifiedErrorId | Should -Be "AnswerInvalid,$Command"
            $e[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $e[0].Exception.Message | Should -Match '^Answer: the file .*none\.json.* cannot be read'
        }

        It 'refuses a count that is not a number' {
            $answer = New-PerfectAnswer
            $answer.tp = 'many'
            Measure-FiberSqsAnswer -Path $Dataset -Answer $answer -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].Exception.Message | Should -Match "^Tp: 'many' is not a count"
        }
    }

    Context 'a -Path that is not a dataset' {
        It 'stops with <Id> for <Case>' -ForEach @(
            @{ Case = 'a folder that does not exist'; Id = 'DatasetNotFound'; Make = { Join-Path $TestDrive 'nowhere' } }
            @{ Case = 'an empty folder'; Id = 'NotADataset'; Make = { (New-Item -ItemType Directory -Force -Path (Join-Path $TestDrive 'empty')).FullName } }
            @{ Case = 'a file'; Id = 'NotADataset'; Make = { Join-Path $Dataset 'ground_truth.json' } }
            @{ Case = 'a broken answer key'; Id = 'GroundTruthUnreadable'; Make = {
                    $broken = New-Item -ItemType Directory -Force -Path (Join-Path $TestDrive 'broken/data')
                    '{ "primary_incident": ' | Set-Content -LiteralPath (Join-Path $broken.Parent.FullName 'ground_truth.json')
                    $broken.Parent.FullName } }
            @{ Case = 'a path on another provider'; Id = 'ProviderNotFileSystem'; Make = { 'Env:/PATH' } }
        ) {
            $path = & $Make
            { Measure-FiberSqsAnswer -Path $path -Answer (New-PerfectAnswer) } | Should -Throw -ErrorId "$Id,$Command"
        }

        It 'reads the key once, before the first answer: a class against a missing dataset is one error' {
            $errors = @()
            try { Import-Csv $Csv | Measure-FiberSqsAnswer -Path (Join-Path $TestDrive 'nowhere') } catch { $errors += $_ }
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be "DatasetNotFound,$Command"
        }
    }

    Context 'the help examples, run as written' {
        BeforeAll {
            # The examples' working folder: ./out (the dataset), ./answers.csv and ./answers/*.json.
            $script:Work = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'debrief')
            Copy-Item -Recurse -LiteralPath $Dataset -Destination (Join-Path $Work 'out')
            Write-ClassCsv (Join-Path $Work 'answers.csv')
            $answers = New-Item -ItemType Directory -Path (Join-Path $Work 'answers')
            $blue = New-PerfectAnswer
            $blue.Team = 'blue'
            $blue.Start = '2025-12-03T13:00Z'
            $blue | ConvertTo-Json | Set-Content -LiteralPath (Join-Path $answers 'blue.json')
            New-PerfectAnswer | ConvertTo-Json | Set-Content -LiteralPath (Join-Path $answers 'red.json')
            $script:Examples = @((Get-Help Measure-FiberSqsAnswer -Examples).examples.example | ForEach-Object {
                    @{ Title = $_.title.Trim('-', ' '); Code = (($_.code -split '\r?\n') -replace '^PS> ', '') -join "`n" } })
        }

        It 'has the examples of the help page' {
            $Examples.Count | Should -Be 4
            $Examples[1].Code | Should -Be 'Import-Csv ./answers.csv | Measure-FiberSqsAnswer -Path ./out'
        }

        It 'runs <Title>' -ForEach @(0, 1, 2, 3 | ForEach-Object { @{ Index = $_; Title = "example $($_ + 1)" } }) {
            $example = $Examples[$Index]
            # As a user's session runs it: a non-terminating error is written, not thrown (the suite's runner sets Stop).
            $ErrorActionPreference = 'Continue'
            Push-Location $Work
            try {
                $out = & ([scriptblock]::Create($example.Code)) 2>&1
            }
            finally {
                Pop-Location
            }
            $errors = @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            switch ($Index) {
                0 {
                    $errors | Should -BeNullOrEmpty
                    $out.Team | Should -Be 'red'
                    $out.MostMissed | Should -Be 'TsoCounts'
                }
                1 {
                    # The class CSV holds one bad row (yellow): one AnswerInvalid, the rest scored.
                    @($out | Where-Object { $_ -is [FiberSqs.FiberSqsScore] }).Count | Should -Be 4
                    $errors.FullyQualifiedErrorId | Should -Be "AnswerInvalid,$Command"
                }
                2 {
                    $errors | Should -BeNullOrEmpty
                    $out.Team | Should -Be @('perfect', 'blue')
                }
                3 {
                    $errors | Should -BeNullOrEmpty
                    ($out | Out-String) | Should -Match 'Window\s+15/20'
                    $out[-1] | Should -Match '^Found the root cause\. Partial: Window\.$'
                }
            }
        }
    }
}
