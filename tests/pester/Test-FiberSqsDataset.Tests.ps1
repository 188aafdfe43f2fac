#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Test-FiberSqsDataset as a user calls it: the result object, pipeline binding, -Quiet, damaged datasets and the
# error ids of folders that are not datasets.

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $script:ModulePath = Get-FiberSqsTestModule
    Import-Module $ModulePath -Force
    . (Join-Path $PSScriptRoot 'PipelineStop.ps1')
    # The full error id: '<id>,<cmdlet class>'.
    $script:Command = 'FiberSqs.Commands.TestFiberSqsDatasetCommand'
    $script:Good = Join-Path $TestDrive 'good'
    $script:Dataset = New-FiberSqsDataset -OutputPath $Good -AppLogRows 20000 -Seed 3 -EnableTier2

    # A copy of the good dataset, to damage.
    function New-DatasetCopy([string] $Name) {
        $copy = Join-Path $TestDrive $Name
        Copy-Item -LiteralPath $Good -Destination $copy -Recurse
        $copy
    }
}

Describe 'Test-FiberSqsDataset' {
    Context 'a good dataset' {
        BeforeAll {
            $script:Result = Test-FiberSqsDataset -Path $Good
        }

        It 'returns one typed result that passed, with a record per check' {
            @($Result).Count | Should -Be 1
            $Result | Should -BeOfType ([FiberSqs.FiberSqsValidationResult])
            $Result.Passed | Should -BeTrue
            $Result.Path | Should -Be $Good
            $Result.ChecksFailed | Should -Be 0
            $Result.Checks.Count | Should -Be $Result.ChecksPassed
            $Result.Checks.Name | Should -Contain 'row_counts'
            $Result.Checks.Name | Should -Contain 'span_parents'
            $Result.Checks.Name | Should -Contain 'incident_primary_circuit'
            $Result.Checks.Name | Should -Contain 'confounder_blip_west_only'
        }

        It 'gives each check its figures and threshold' {
            $rows = $Result.Check('row_counts')
            $rows.Passed | Should -BeTrue
            $rows.Threshold | Should -Not -BeNullOrEmpty
            $rows.Figure('app_logs') | Should -Be ($Dataset.Tables | Where-Object Table -eq 'app_logs').Rows
            ($Result.Checks | Where-Object Name -eq 'incident_primary_circuit').Figure('rtt_ratio') | Should -BeGreaterOrEqual 4
        }

        It 'binds the dataset object from New-FiberSqsDataset by its Path' {
            ($Dataset | Test-FiberSqsDataset).Passed | Should -BeTrue
        }

        It 'binds a folder from Get-Item' {
            (Get-Item -LiteralPath $Good | Test-FiberSqsDataset).Path | Should -Be $Good
        }

        It 'validates each folder piped in' {
            $results = @([pscustomobject]@{ Path = $Good }, [pscustomobject]@{ Path = $Good }) | Test-FiberSqsDataset
            $results.Count | Should -Be 2
        }

        It 'returns only $true with -Quiet' {
            $quiet = Test-FiberSqsDataset -Path $Good -Quiet
            $quiet | Should -BeOfType ([bool])
            $quiet | Should -BeTrue
        }

        It 'leaves the folder as it was' {
            $before = Get-ChildItem -LiteralPath $Good -Recurse -File | ForEach-Object { "$($_.FullName) $($_.Length) $($_.LastWriteTimeUtc.Ticks)" }
            Test-FiberSqsDataset -Path $Good | Out-Null
            Get-ChildItem -LiteralPath $Good -Recurse -File | ForEach-Object { "$($_.FullName) $($_.Length) $($_.LastWriteTimeUtc.Ticks)" } |
                Should -Be $before
        }

        It 'reports its steps with -Verbose' {
            $verbose = Test-FiberSqsDataset -Path $Good -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            ($verbose.Message -join "`n") | Should -Match 'checks passed'
        }
    }

    Context 'a damaged dataset' {
        It 'fails row_counts when rows are removed' {
            $copy = New-DatasetCopy 'rows-removed'
            $csv = Join-Path $copy 'data/clickhouse-network_events.csv'
            $lines = [IO.File]::ReadAllLines($csv)
            [IO.File]::WriteAllText($csv, (($lines | Select-Object -SkipLast 3) -join "`n") + "`n")
            $result = Test-FiberSqsDataset -Path $copy
            $result.Passed | Should -BeFalse
            $result.FailedChecks.Name | Should -Be @('row_counts')
            Test-FiberSqsDataset -Path $copy -Quiet | Should -BeFalse
        }

        It 'fails the table''s parse check for a bad number, naming the line' {
            $copy = New-DatasetCopy 'bad-number'
            $csv = Join-Path $copy 'data/clickhouse-infra_host_metrics.csv'
            $lines = [IO.File]::ReadAllLines($csv)
            $f = $lines[9].Split(','); $f[3] = 'n/a'; $lines[9] = $f -join ','
            [IO.File]::WriteAllText($csv, ($lines -join "`n") + "`n")
            $result = Test-FiberSqsDataset -Path $copy
            $result.FailedChecks.Name | Should -Be @('csv_infra_host_metrics')
            $check = $result.Check('csv_infra_host_metrics')
            $check.Figure('first_problem_line') | Should -Be 10
            $check.Message | Should -Match 'line 10'
        }

        It 'fails the parse and referential checks for a missing file' {
            $copy = New-DatasetCopy 'file-missing'
            Remove-Item -LiteralPath (Join-Path $copy 'data/clickhouse-trace_spans.csv')
            $result = Test-FiberSqsDataset -Path $copy
            $result.FailedChecks.Name | Should -Contain 'files_present'
            $result.FailedChecks.Name | Should -Contain 'span_parents'
            $result.Check('incident_primary_circuit').Passed | Should -BeTrue
        }

        It 'fails tso_classification when a call''s transaction id is rewritten' {
            $copy = New-DatasetCopy 'tso-rewritten'
            $truth = Get-Content -Raw (Join-Path $copy 'ground_truth.json') | ConvertFrom-Json
            $call = $truth.tso_noise.call_details | Where-Object noise_type -eq 'clean' | Select-Object -First 1
            $csv = Join-Path $copy 'data/clickhouse-tso_calls.csv'
            $text = [IO.File]::ReadAllText($csv)
            [IO.File]::WriteAllText($csv, $text.Replace(",$($call.emitted_transaction_id),", ',TX-20251202000000-9999999,'))
            $result = Test-FiberSqsDataset -Path $copy
            $result.FailedChecks.Name | Should -Be @('tso_classification')
            $result.Check('tso_classification').Figure('first_mismatch') | Should -Match $call.call_id
        }
    }

    Context 'folders that are not datasets' {
        It 'gives DatasetNotFound for a missing folder' {
            { Test-FiberSqsDataset -Path (Join-Path $TestDrive 'nope') -ErrorAction Stop } | Should -Throw -ErrorId "DatasetNotFound,$Command"
        }

        It 'gives NotADataset for an unrelated folder and for a file' {
            $empty = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'empty')
            { Test-FiberSqsDataset -Path $empty.FullName -ErrorAction Stop } | Should -Throw -ErrorId "NotADataset,$Command"
            $file = New-Item -ItemType File -Path (Join-Path $TestDrive 'a.txt') -Value 'x'
            { Test-FiberSqsDataset -Path $file.FullName -ErrorAction Stop } | Should -Throw -ErrorId "NotADataset,$Command"
        }

        It 'gives GroundTruthUnreadable for a broken answer key, with what to do' {
            $copy = New-DatasetCopy 'bad-truth'
            Set-Content -LiteralPath (Join-Path $copy 'ground_truth.json') -Value '{ broken'
            $err = $null
            Test-FiberSqsDataset -Path $copy -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be "GroundTruthUnreadable,$Command"
            $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $err[0].TargetObject | Should -BeLike '*ground_truth.json'
            $err[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        }

        It 'writes an error for the bad folder and goes on with the next' {
            $results = @((Join-Path $TestDrive 'nope'), $Good) | ForEach-Object { [pscustomobject]@{ Path = $_ } } |
                Test-FiberSqsDataset -ErrorAction SilentlyContinue -ErrorVariable err
            @($results).Count | Should -Be 1
            $results.Passed | Should -BeTrue
            $err.Count | Should -Be 1
        }

        It 'returns $false with -Quiet instead of an error' {
            Test-FiberSqsDataset -Path (Join-Path $TestDrive 'nope') -Quiet -ErrorAction Stop | Should -BeFalse
        }

        It 'refuses <_> as -Path with ProviderNotFileSystem and goes on with the next' -ForEach @('Env:\fsq_ds', 'Variable:\fsq_ds', 'Function:\') {
            $results = @($_, $Good) | ForEach-Object { [pscustomobject]@{ Path = $_ } } | Test-FiberSqsDataset -ErrorAction SilentlyContinue -ErrorVariable err
            @($results).Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be "ProviderNotFileSystem,$Command"
        }

        It 'refuses an empty -Path' {
            { Test-FiberSqsDataset -Path '' } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        }
    }
    Context 'stopping' {
        It 'stops promptly on Ctrl+C (pipeline stop) mid-validation, returns nothing and changes nothing' {
            # Big enough that the validation is still reading when the stop arrives.
            $big = (New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'big') -AppLogRows 3000000 -EnableTier2).Path
            $before = Get-ChildItem -LiteralPath $big -Recurse -File | ForEach-Object { '{0} {1} {2:o}' -f $_.FullName, $_.Length, $_.LastWriteTimeUtc }
            $run = Invoke-FiberSqsCommandAndStop -ModulePath $ModulePath -Command Test-FiberSqsDataset `
                -Parameters @{ Path = $big } -Until { param($ps) $ps.Streams.Progress.Count -gt 0 }
            $run.Reached | Should -BeTrue -Because 'the validation should have started'
            $run.StopSeconds | Should -BeLessThan 5
            $run.State | Should -Be 'Stopped'
            $run.Output.Count | Should -Be 0
            Get-ChildItem -LiteralPath $big -Recurse -File | ForEach-Object { '{0} {1} {2:o}' -f $_.FullName, $_.Length, $_.LastWriteTimeUtc } |
                Should -Be $before
        }
    }

    Context 'with -Uri: the loaded database' {
        BeforeAll {
            . (Join-Path $PSScriptRoot 'ClickHouseTestServer.ps1')
            $script:Server = Start-ClickHouseTestServer
            $script:SavedEnv = @{ User = $env:CLICKHOUSE_USER; Password = $env:CLICKHOUSE_PASSWORD }
            $env:CLICKHOUSE_USER = $null; $env:CLICKHOUSE_PASSWORD = $null
            $null = Import-FiberSqsClickHouse -Path $Good -Uri $Server.Url -Database fsq_val -Confirm:$false
            $script:Loaded = Test-FiberSqsDataset -Path $Good -Uri $Server.Url -Database fsq_val
        }

        AfterAll {
            if ($Server) { Stop-ClickHouseTestServer $Server }
            $env:CLICKHOUSE_USER = $SavedEnv.User; $env:CLICKHOUSE_PASSWORD = $SavedEnv.Password
        }

        It 'adds the post-load checks, computed on the server, to the dataset checks' {
            $Loaded.Passed | Should -BeTrue
            $Loaded.DatabaseChecks | Should -Not -BeNullOrEmpty
            $Loaded.Database | Should -Match 'fsq_val'
            $Loaded.Checks.Count | Should -Be ($Loaded.FileChecks.Count + $Loaded.DatabaseChecks.Count)
            $Loaded.DatabaseChecks.Name | ForEach-Object { $_ | Should -BeLike 'postload_*' }
            $Loaded.Check('postload_tso_confusion_matrix').Passed | Should -BeTrue
            $Loaded.Check('postload_row_counts').Passed | Should -BeTrue
            $Loaded.Check('row_counts').Passed | Should -BeTrue
        }

        It 'fails for a database the dataset was not loaded into' {
            $result = Test-FiberSqsDataset -Path $Good -Uri $Server.Url -Database fsq_never_loaded
            $result.Passed | Should -BeFalse
            $result.FailedChecks.Name | Should -Contain 'postload_tables_present'
            @($result.FileChecks | Where-Object { -not $_.Passed }).Count | Should -Be 0
            Test-FiberSqsDataset -Path $Good -Uri $Server.Url -Database fsq_never_loaded -Quiet | Should -BeFalse
        }

        It 'fails the post-load checks when a loaded table is gone' {
            Invoke-ClickHouseTestQuery $Server 'CREATE TABLE fsq_val.tso_calls_copy ENGINE = Memory AS SELECT * FROM fsq_val.tso_calls' | Out-Null
            Invoke-ClickHouseTestQuery $Server 'DROP TABLE fsq_val.tso_calls' | Out-Null
            try {
                $result = Test-FiberSqsDataset -Path $Good -Uri $Server.Url -Database fsq_val
                $result.Passed | Should -BeFalse
                @($result.FileChecks | Where-Object { -not $_.Passed }).Count | Should -Be 0
                @($result.DatabaseChecks | Where-Object { -not $_.Passed }).Count | Should -BeGreaterThan 0
            } finally {
                $null = Import-FiberSqsClickHouse -Path $Good -Uri $Server.Url -Database fsq_val -Confirm:$false
            }
        }

        It 'gives ClickHouseUnreachable for a closed port' {
            $port = Get-FreeTcpPort
            { Test-FiberSqsDataset -Path $Good -Uri "http://127.0.0.1:$port" -ErrorAction Stop } |
                Should -Throw -ErrorId "ClickHouseUnreachable,$Command"
            Test-FiberSqsDataset -Path $Good -Uri "http://127.0.0.1:$port" -Quiet | Should -BeFalse
        }

        It 'gives ClickHouseAuthenticationFailed for a wrong password, without showing it' {
            $secret = 'Not-The-Pa55word'
            $cred = [pscredential]::new($Server.User, (ConvertTo-SecureString $secret -AsPlainText -Force))
            $err = $null
            Test-FiberSqsDataset -Path $Good -Uri $Server.Url -Credential $cred -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be "ClickHouseAuthenticationFailed,$Command"
            ($err[0].ToString() + $err[0].ErrorDetails.RecommendedAction) | Should -Not -Match $secret
        }

        It 'gives InvalidClickHouseUri for a URL that is not http, without showing its password' {
            $secret = 'Url-Pa55word'
            $err = $null
            Test-FiberSqsDataset -Path $Good -Uri "ftp://someone:$secret@127.0.0.1/" -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be "InvalidClickHouseUri,$Command"
            @($err[0].ToString(), $err[0].Exception.ToString(), "$($err[0].TargetObject)", $err[0].ErrorDetails.RecommendedAction) -join "`n" |
                Should -Not -Match $secret
        }
    }
}
