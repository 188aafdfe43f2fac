#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Import-FiberSqsClickHouse as a user calls it, against a private ClickHouse 18.16 server: pipeline binding,
# environment defaults, -WhatIf touching nothing, error ids, and no password in any error or verbose text.

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $script:ModulePath = Get-FiberSqsTestModule
    Import-Module $ModulePath -Force
    . (Join-Path $PSScriptRoot 'PipelineStop.ps1')
    . (Join-Path $PSScriptRoot 'ClickHouseTestServer.ps1')
    . (Join-Path $PSScriptRoot 'ErrorText.ps1')
    $script:Server = Start-ClickHouseTestServer
    $script:Url = $Server.Url
    $script:Dataset = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'ds') -Seed 7 -AppLogRows 20000 -EnableTier2
    $script:SavedEnv = @{ Url = $env:CLICKHOUSE_URL; User = $env:CLICKHOUSE_USER; Password = $env:CLICKHOUSE_PASSWORD }
    $env:CLICKHOUSE_URL = $null; $env:CLICKHOUSE_USER = $null; $env:CLICKHOUSE_PASSWORD = $null

    function Get-Count([string] $Sql) { [long] (Invoke-ClickHouseTestQuery $Server $Sql) }
}

AfterAll {
    if ($Server) { Stop-ClickHouseTestServer $Server }
    $env:CLICKHOUSE_URL = $SavedEnv.Url; $env:CLICKHOUSE_USER = $SavedEnv.User; $env:CLICKHOUSE_PASSWORD = $SavedEnv.Password
}

Describe 'Import-FiberSqsClickHouse' {
    Context '-LoadFormat' {
        BeforeAll {
            $script:NativeLoad = Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database fsq_fmt_native
            $script:CsvLoad = Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database fsq_fmt_csv -LoadFormat Csv
            # Every column's values, in one order: a table loads the same either way or its hash differs.
            function Get-TableHash([string] $Database, [string] $Table) {
                $columns = (Invoke-ClickHouseTestQuery $Server "DESCRIBE TABLE $Database.$Table").Split("`n") | ForEach-Object { $_.Split("`t")[0] }
                $tuple = ($columns | ForEach-Object { "toString($_)" }) -join ', '
                Invoke-ClickHouseTestQuery $Server "SELECT groupBitXor(cityHash64($tuple)), count() FROM $Database.$Table"
            }
        }

        It 'loads every table as Native by default and says so per table' {
            $NativeLoad.Passed | Should -BeTrue
            $NativeLoad.Tables.Format | Sort-Object -Unique | Should -Be 'Native'
        }

        It 'loads every table as CSV with -LoadFormat Csv, to the same values' {
            $CsvLoad.Passed | Should -BeTrue
            $CsvLoad.Tables.Format | Sort-Object -Unique | Should -Be 'Csv'
            foreach ($t in $CsvLoad.Tables.Table) {
                Get-TableHash fsq_fmt_native $t | Should -Be (Get-TableHash fsq_fmt_csv $t) -Because "$t loads the same values either way"
            }
        }

        It 'shows the format in the per-table view, within 80 columns' {
            ($NativeLoad.Tables | Format-Table | Out-String -Width 80) | Should -Match 'Format[\s\S]*app_logs\s.*Native'
        }

        It 'refuses a format it does not know by parameter validation' {
            { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database fsq_fmt_bad -LoadFormat RowBinary } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FiberSqs.Commands.ImportFiberSqsClickHouseCommand'
        }

        It 'completes the format names' {
            $line = 'Import-FiberSqsClickHouse -LoadFormat '
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText |
                Should -Be @('Csv', 'Native') # PowerShell sorts ValidateSet completions
        }
    }

    Context 'the canonical pipeline' {
        BeforeAll {
            $script:Result = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'piped') -Seed 7 -AppLogRows 20000 -EnableTier2 |
                Import-FiberSqsClickHouse -Uri "$Url/?user=ignored" -Database fsq_pester
        }

        It 'returns one typed result with a sanitized URL, the server version and per-table counts' {
            @($Result).Count | Should -Be 1
            $Result | Should -BeOfType ([FiberSqs.FiberSqsImportResult])
            $Result.Url | Should -Be $Url
            $Result.ServerVersion | Should -Be '18.16.1'
            $Result.Database | Should -Be 'fsq_pester'
            $Result.Tables.Count | Should -Be 8
            foreach ($t in $Result.Tables) { $t.LoadedRows | Should -Be $t.ExpectedRows }
            $Result.RowsLoaded | Should -Be $Result.RowsExpected
            $Result.RowsPerSecond | Should -BeGreaterThan 0
            $Result.Elapsed | Should -BeOfType ([timespan])
        }

        It 'loads the rows into the server, creates the 40 index-pattern views and passes the post-load checks' {
            $truth = Get-Content -Raw (Join-Path $Result.Path 'ground_truth.json') | ConvertFrom-Json
            Get-Count 'SELECT count() FROM fsq_pester.app_logs' | Should -Be $truth.generation.row_counts.app_logs
            # The compatibility views follow the default database only.
            $Result.CompatibilityDatabase | Should -BeNullOrEmpty
            $Result.ViewCount | Should -Be 40
            (Invoke-ClickHouseTestQuery $Server "SHOW TABLES FROM fsq_pester LIKE 'fsq_pester_%_app_logs%'").Split("`n").Count | Should -Be 40
            $Result.Passed | Should -BeTrue
            $Result.Validation.Checks.Name | Should -Contain 'postload_tso_confusion_matrix'
        }

        It 'writes postload_validation.json beside ground_truth.json' {
            $Result.ReportPath | Should -Be (Join-Path $Result.Path 'postload_validation.json')
            $report = Get-Content -Raw $Result.ReportPath | ConvertFrom-Json
            $report.passed | Should -BeTrue
            $report.server_version | Should -Be '18.16.1'
            ($report.checks | Where-Object name -eq 'postload_row_counts').app_logs_loaded | Should -Be $Result.Tables[0].LoadedRows
        }
    }

    Context 'tab completion of -Database' {
        It 'offers the default and the databases holding a load on the -Uri server' {
            $line = "Import-FiberSqsClickHouse -Path ./x -Uri $Url -Database "
            $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            $found.CompletionText | Should -Contain 'fibersqs_prod'
            $found.CompletionText | Should -Contain 'fsq_pester'
            ($found | Where-Object CompletionText -eq 'fsq_pester').ToolTip | Should -Match 'holds a FiberSqs load on http://127\.0\.0\.1'
            $line = "Test-FiberSqsDataset -Path ./x -Uri $Url -Database fsq_p"
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('fsq_pester')
        }

        It 'offers only the default, at once and silently, when the server is down' {
            $line = "Import-FiberSqsClickHouse -Path ./x -Uri http://127.0.0.1:$(Get-FreeTcpPort) -Database "
            $clock = [Diagnostics.Stopwatch]::StartNew()
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('fibersqs_prod')
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        }
    }

    Context 'binding and defaults' {
        It 'binds Path by property name from any object' {
            $r = [pscustomobject]@{ Path = $Dataset.Path } | Import-FiberSqsClickHouse -Uri $Url -Database fsq_pester_bind
            $r.Path | Should -Be $Dataset.Path
            $r.Passed | Should -BeTrue
        }

        It 'binds a folder from Get-Item and takes the URL from CLICKHOUSE_URL, sanitized' {
            $env:CLICKHOUSE_URL = "$Url/?password=nope"
            try {
                $r = Get-Item -LiteralPath $Dataset.Path | Import-FiberSqsClickHouse -Database fsq_pester_env
            } finally { $env:CLICKHOUSE_URL = $null }
            $r.Url | Should -Be $Url
            $r.Database | Should -Be 'fsq_pester_env'
        }

        It 'uses -Credential and writes no password in its verbose output' {
            $cred = [pscredential]::new($Server.User, (ConvertTo-SecureString $Server.Password -AsPlainText -Force))
            $verbose = Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Credential $cred -Database fsq_pester_cred -Verbose 4>&1
            $result = $verbose | Where-Object { $_ -is [FiberSqs.FiberSqsImportResult] }
            $result.Passed | Should -BeTrue
            $text = ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message) -join "`n"
            $text | Should -Match "as user '$($Server.User)'"
            $text | Should -Match 'Swapping'
            $text | Should -Not -Match ([regex]::Escape($Server.Password))
        }
    }

    Context '-WhatIf' {
        It 'lists what would be dropped and created and touches nothing' {
            $transcript = Join-Path $TestDrive 'whatif.txt'
            Start-Transcript -LiteralPath $transcript | Out-Null
            try {
                $out = Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database fsq_pester_whatif -WhatIf
            } finally { Stop-Transcript | Out-Null }
            $out | Should -BeNullOrEmpty
            Get-Count "SELECT count() FROM system.databases WHERE name = 'fsq_pester_whatif'" | Should -Be 0
            $text = Get-Content -Raw $transcript
            $text | Should -Match 'Create database'
            $text | Should -Match 'fsq_pester_whatif\.app_logs__[0-9a-f]{16}__fibersqs_staging'
            $text | Should -Match 'fsq_pester_whatif\.fsq_pester_whatif_central_app_logs_20251204'
            Test-Path (Join-Path $Dataset.Path 'postload_validation.json.whatif') | Should -BeFalse
        }

        It 'over an existing load lists the replacements and changes nothing' {
            $before = Invoke-ClickHouseTestQuery $Server "SELECT name, toString(metadata_modification_time) FROM system.tables WHERE database = 'fsq_pester' ORDER BY name"
            $transcript = Join-Path $TestDrive 'whatif2.txt'
            Start-Transcript -LiteralPath $transcript | Out-Null
            try { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database fsq_pester -WhatIf } finally { Stop-Transcript | Out-Null }
            Get-Content -Raw $transcript | Should -Match 'Replace table.*fsq_pester\.app_logs'
            Invoke-ClickHouseTestQuery $Server "SELECT name, toString(metadata_modification_time) FROM system.tables WHERE database = 'fsq_pester' ORDER BY name" |
                Should -Be $before
        }
    }

    Context 'stopping' {
        It 'stops on Ctrl+C mid-load, drops its staging tables and keeps the previous load' {
            $null = Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database fsq_pester_stop
            $before = Get-Count 'SELECT count() FROM fsq_pester_stop.app_logs'
            $big = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'big') -Seed 8 -AppLogRows 400000 -EnableTier2
            $run = Invoke-FiberSqsCommandAndStop -ModulePath $ModulePath -Command Import-FiberSqsClickHouse `
                -Parameters @{ Path = $big.Path; Uri = $Url; Database = 'fsq_pester_stop' } -TimeoutSeconds 20 `
                -Until { (Get-Count "SELECT count() FROM system.tables WHERE database = 'fsq_pester_stop' AND name LIKE '%staging'") -ge 5 }
            $run.StopSeconds | Should -BeLessThan 5
            $run.State | Should -Be 'Stopped'
            Get-Count 'SELECT count() FROM fsq_pester_stop.app_logs' | Should -Be $before
            Get-Count 'SELECT count() FROM fsq_pester_stop.fsq_pester_stop_central_app_logs' | Should -BeGreaterThan 0
            # By name, so a failure says which staging table (or the number probe) was left.
            Invoke-ClickHouseTestQuery $Server "SELECT name FROM system.tables WHERE database = 'fsq_pester_stop' AND name LIKE '%staging'" |
                Should -BeNullOrEmpty
        }
    }

    Context 'errors' {
        It 'a wrong password is ClickHouseAuthenticationFailed and the password appears nowhere' {
            $secret = 'Wrong-' + [guid]::NewGuid().ToString('N')
            $cred = [pscredential]::new($Server.User, (ConvertTo-SecureString $secret -AsPlainText -Force))
            { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Credential $cred -Database fsq_pester_bad } |
                Should -Throw -ErrorId 'ClickHouseAuthenticationFailed,FiberSqs.Commands.ImportFiberSqsClickHouseCommand'
            try { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Credential $cred -Database fsq_pester_bad -ErrorAction Stop }
            catch { $record = $_ }
            $record.CategoryInfo.Category | Should -Be 'AuthenticationError'
            Get-ErrorText $record | Should -Not -Match ([regex]::Escape($secret))
            Get-ErrorText $record | Should -Match $Server.User
        }

        It 'a wrong password from CLICKHOUSE_PASSWORD or the URL is never echoed either' {
            $secret = 'EnvWrong-' + [guid]::NewGuid().ToString('N')
            $env:CLICKHOUSE_USER = $Server.User; $env:CLICKHOUSE_PASSWORD = $secret
            try {
                try { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -ErrorAction Stop } catch { $envRecord = $_ }
            } finally { $env:CLICKHOUSE_USER = $null; $env:CLICKHOUSE_PASSWORD = $null }
            $envRecord.FullyQualifiedErrorId | Should -BeLike 'ClickHouseAuthenticationFailed*'
            Get-ErrorText $envRecord | Should -Not -Match ([regex]::Escape($secret))

            $uri = "http://$($Server.User):$secret@127.0.0.1:$($Server.HttpPort)/"
            try { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $uri -ErrorAction Stop } catch { $urlRecord = $_ }
            $urlRecord.FullyQualifiedErrorId | Should -BeLike 'ClickHouseAuthenticationFailed*'
            @($urlRecord.ToString(), $urlRecord.Exception.ToString(), "$($urlRecord.TargetObject)", "$($urlRecord.ErrorDetails.RecommendedAction)") -join "`n" |
                Should -Not -Match ([regex]::Escape($secret))
        }

        It 'a server that is down is ClickHouseUnreachable' {
            { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri "http://127.0.0.1:$(Get-FreeTcpPort)" } |
                Should -Throw -ErrorId 'ClickHouseUnreachable,FiberSqs.Commands.ImportFiberSqsClickHouseCommand'
        }

        It 'the native protocol port is NotClickHouse' {
            { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri "http://127.0.0.1:$($Server.TcpPort)" } | Should -Throw -ErrorId 'NotClickHouse,FiberSqs.Commands.ImportFiberSqsClickHouseCommand'
        }

        It 'a URL that is not http is InvalidClickHouseUri' {
            { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri 'ftp://127.0.0.1/' } | Should -Throw -ErrorId 'InvalidClickHouseUri,FiberSqs.Commands.ImportFiberSqsClickHouseCommand'
        }

        It 'names a folder that cannot be a dataset with the same ids as Test-FiberSqsDataset: <Case>' -ForEach @(
            @{ Case = 'a missing folder'; Make = { Join-Path $TestDrive 'not-there' }; Id = 'DatasetNotFound' }
            @{ Case = 'an unrelated folder'; Make = { (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'empty') -Force).FullName }; Id = 'NotADataset' }
            @{ Case = 'a file'; Make = { Join-Path $Dataset.Path 'ground_truth.json' }; Id = 'NotADataset' }
            @{ Case = 'a broken answer key'; Id = 'GroundTruthUnreadable'; Make = {
                    $copy = Join-Path $TestDrive 'badkey'
                    Copy-Item -LiteralPath $Dataset.Path -Destination $copy -Recurse -Force
                    Set-Content -LiteralPath (Join-Path $copy 'ground_truth.json') -Value '{ not json'
                    $copy } }
            @{ Case = 'a missing CSV'; Id = 'DatasetIncomplete'; Make = {
                    $copy = Join-Path $TestDrive 'nocsv'
                    Copy-Item -LiteralPath $Dataset.Path -Destination $copy -Recurse -Force
                    Remove-Item -LiteralPath (Join-Path $copy 'data/clickhouse-tso_calls.csv')
                    $copy } }
        ) {
            $path = & $Make
            { Import-FiberSqsClickHouse -Path $path -Uri $Url -ErrorAction Stop } | Should -Throw -ErrorId "$Id,FiberSqs.Commands.ImportFiberSqsClickHouseCommand"
            if ($Id -ne 'DatasetIncomplete') {
                # One folder type opens a dataset for every cmdlet: the same mistake, the same id.
                { Test-FiberSqsDataset -Path $path -ErrorAction Stop } | Should -Throw -ErrorId "$Id,FiberSqs.Commands.TestFiberSqsDatasetCommand"
            }
        }

        It 'rejects a database name that is not a plain identifier before touching the server' {
            { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database 'x; DROP DATABASE default' } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,FiberSqs.Commands.ImportFiberSqsClickHouseCommand'
        }
    }
}
