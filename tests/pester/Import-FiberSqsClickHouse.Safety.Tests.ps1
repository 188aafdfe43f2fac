#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Import-FiberSqsClickHouse and the safety rules of docs/safety.md, as a user meets them, against a private
# ClickHouse 18.16 server (and a loopback stub where a real server cannot produce the case): databases it must
# not touch, imports against each other, crafted datasets, files it must not follow, and credentials.

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $script:ModulePath = Get-FiberSqsTestModule
    Import-Module $ModulePath -Force
    . (Join-Path $PSScriptRoot 'ClickHouseTestServer.ps1')
    . (Join-Path $PSScriptRoot 'ErrorText.ps1')
    . (Join-Path $PSScriptRoot 'HttpStub.ps1')
    $script:Server = Start-ClickHouseTestServer
    $script:Url = $Server.Url
    $script:Cmd = 'FiberSqs.Commands.ImportFiberSqsClickHouseCommand'
    $script:Dataset = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'ds') -Seed 7 -AppLogRows 20000 -EnableTier2
    $script:SavedEnv = @{ Url = $env:CLICKHOUSE_URL; User = $env:CLICKHOUSE_USER; Password = $env:CLICKHOUSE_PASSWORD }
    $env:CLICKHOUSE_URL = $null; $env:CLICKHOUSE_USER = $null; $env:CLICKHOUSE_PASSWORD = $null

    function Get-Count([string] $Sql) { [long] (Invoke-ClickHouseTestQuery $Server $Sql) }

    # A copy of the small dataset, to change.
    function New-DatasetCopy([string] $Name) {
        $copy = Join-Path $TestDrive $Name
        Copy-Item -LiteralPath $Dataset.Path -Destination $copy -Recurse
        $copy
    }

    # Runs a script in a fresh pwsh and returns its exit code and text; $Answers go to its standard input.
    function Invoke-ChildPwsh([string] $Script, [string[]] $Answers = @()) {
        $file = Join-Path $TestDrive ("child-" + [guid]::NewGuid().ToString('N').Substring(0, 8) + '.ps1')
        Set-Content -LiteralPath $file -Value $Script
        $text = $Answers | & dotnet pwsh -NoProfile -File $file 2>&1 | Out-String
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Text = $text }
    }
}

AfterAll {
    if ($Server) { Stop-ClickHouseTestServer $Server }
    $env:CLICKHOUSE_URL = $SavedEnv.Url; $env:CLICKHOUSE_USER = $SavedEnv.User; $env:CLICKHOUSE_PASSWORD = $SavedEnv.Password
}

Describe 'Import-FiberSqsClickHouse' {
    Context 'databases it never loads into' {
        It 'refuses -Database <_> before anything changes, with advice that drops nothing' -ForEach @('logs', 'default', 'system', 'INFORMATION_SCHEMA', 'information_schema') {
            $before = Invoke-ClickHouseTestQuery $Server 'SELECT name FROM system.databases ORDER BY name'
            $err = $null
            try { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database $_ -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be "DatabaseNameReserved,$Cmd"
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
            Get-ErrorText $err | Should -Not -Match '(?i)\bdrop\b'
            Invoke-ClickHouseTestQuery $Server 'SELECT name FROM system.databases ORDER BY name' | Should -Be $before
        }

        It 'leaves later default imports working after a refused -Database logs' {
            { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database logs -ErrorAction Stop } | Should -Throw -ErrorId "DatabaseNameReserved,$Cmd"
            Get-Count "SELECT count() FROM system.databases WHERE name = 'logs'" | Should -Be 0
            $r = Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url
            $r.Passed | Should -BeTrue
            $r.CompatibilityDatabase | Should -Be 'default'
        }

        It 'refuses a -Database of <Name> by parameter validation' -ForEach @(
            @{ Name = 'a trailing line feed'; Value = "default`n" }
            @{ Name = 'a Kelvin sign'; Value = "fibersqs_prod_$([char] 0x212A)" }
            @{ Name = 'a zero-width space'; Value = "fibersqs$([char] 0x200B)" }
            @{ Name = 'an escape sequence'; Value = "x$([char] 27)[2J" }
        ) {
            $err = $null
            try { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database $Value -ErrorAction Stop } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be "ParameterArgumentValidationError,$Cmd"
            $err.ToString() | Should -Not -Match ([char] 27)
        }
    }

    Context 'imports into different databases' {
        It 'never change what fibersqs_prod''s tables and views return' {
            $a = $Dataset
            $b = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'other-seed') -Seed 3 -AppLogRows 20000
            $null = Import-FiberSqsClickHouse -Path $a.Path -Uri $Url
            $central = Get-Count "SELECT count() FROM fibersqs_prod.app_logs WHERE region = 'central'"
            $other = Import-FiberSqsClickHouse -Path $b.Path -Uri $Url -Database fsq_other_seed
            $other.Passed | Should -BeTrue
            $rows = ($a.Tables | Where-Object Table -eq 'app_logs').Rows
            Get-Count 'SELECT count() FROM fibersqs_prod.app_logs' | Should -Be $rows
            Get-Count 'SELECT count() FROM default.fibersqs_app_logs' | Should -Be $rows
            Get-Count 'SELECT count() FROM fibersqs_prod.fibersqs_prod_central_app_logs' | Should -Be $central
            Get-Count 'SELECT count() FROM fsq_other_seed.fsq_other_seed_central_app_logs' |
                Should -Be (Get-Count "SELECT count() FROM fsq_other_seed.app_logs WHERE region = 'central'")
            (Test-FiberSqsDataset -Path $a.Path -Uri $Url).Passed | Should -BeTrue
        }

        It 'writes the compatibility views for another database only when asked (-CompatibilityViews)' {
            $b = Join-Path $TestDrive 'other-seed'
            (Import-FiberSqsClickHouse -Path $b -Uri $Url -Database fsq_other_seed -CompatibilityViews).CompatibilityDatabase | Should -Be 'default'
            Get-Count 'SELECT count() FROM default.fibersqs_app_logs' | Should -Be (Get-Count 'SELECT count() FROM fsq_other_seed.app_logs')
            (Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url).Passed | Should -BeTrue
        }

        It 'refuses a user''s own view under a compatibility name (ClickHouseObjectConflict) and keeps it' {
            Invoke-ClickHouseTestQuery $Server 'DROP TABLE IF EXISTS default.tso_calls' | Out-Null
            Invoke-ClickHouseTestQuery $Server "CREATE VIEW default.tso_calls AS SELECT 'mine' AS whose" | Out-Null
            try {
                $err = $null
                Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
                $err[0].FullyQualifiedErrorId | Should -Be "ClickHouseObjectConflict,$Cmd"
                $err[0].TargetObject | Should -Be 'default.tso_calls'
                Get-ErrorText $err[0] | Should -Not -Match '(?i)drop (database )?(system|default)\b'
                Invoke-ClickHouseTestQuery $Server 'SELECT whose FROM default.tso_calls' | Should -Be 'mine'
            } finally {
                Invoke-ClickHouseTestQuery $Server 'DROP TABLE IF EXISTS default.tso_calls' | Out-Null
                $null = Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url
            }
        }
    }

    Context 'imports against each other' {
        It 'of two started in the same instant, one loads and the other is ClickHouseImportInProgress' {
            $session = [initialsessionstate]::CreateDefault2()
            $session.ImportPSModule($ModulePath)
            $runs = foreach ($i in 1..2) {
                $ps = [powershell]::Create($session)
                $null = $ps.AddCommand('Import-FiberSqsClickHouse').AddParameters(@{ Path = $Dataset.Path; Uri = $Url; Database = 'fsq_same_instant' })
                [pscustomobject]@{ PS = $ps; Async = $null }
            }
            foreach ($r in $runs) { $r.Async = $r.PS.BeginInvoke() }
            $results = @(); $errors = @()
            foreach ($r in $runs) {
                $results += @($r.PS.EndInvoke($r.Async))
                $errors += @($r.PS.Streams.Error)
                $r.PS.Dispose()
            }
            $results.Count | Should -Be 1
            $results[0].Passed | Should -BeTrue
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be "ClickHouseImportInProgress,$Cmd"
        }

        It 'an immediate re-import after a killed one (kill -9) loads instead of refusing' {
            $big = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'big') -Seed 8 -AppLogRows 400000 -EnableTier2
            $null = Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database fsq_killed
            $child = Start-Process -FilePath dotnet -PassThru -RedirectStandardOutput (Join-Path $TestDrive 'import-killed.out') -ArgumentList @(
                'pwsh', '-NoProfile', '-NonInteractive', '-Command',
                "Import-Module '$ModulePath'; Import-FiberSqsClickHouse -Path '$($big.Path)' -Uri $Url -Database fsq_killed | Out-Null")
            try {
                $deadline = [datetime]::UtcNow.AddSeconds(60)
                while ((Get-Count "SELECT count() FROM system.processes WHERE query LIKE 'INSERT INTO fsq\\_killed.%staging%'") -lt 2) {
                    [datetime]::UtcNow | Should -BeLessThan $deadline -Because 'the child import should be loading'
                    Start-Sleep -Milliseconds 50
                }
                # The lock names the process that holds it: kill -9 that one (the pwsh under the dotnet launcher).
                $owner = Invoke-ClickHouseTestQuery $Server "SELECT default_expression FROM system.columns WHERE database = 'fsq_killed' AND table = '__fibersqs_import_lock' AND name = 'owner'"
                $owner | Should -Match 'pid=(\d+)'
                & kill -9 ([regex]::Match($owner, 'pid=(\d+)').Groups[1].Value)
                $child.WaitForExit(30000) | Should -BeTrue
            } finally {
                if (-not $child.HasExited) { $child.Kill() }
            }
            $err = $null
            $verbose = Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database fsq_killed -Verbose -ErrorVariable err 4>&1
            $err | Should -BeNullOrEmpty
            ($verbose | Where-Object { $_ -is [FiberSqs.FiberSqsImportResult] }).Passed | Should -BeTrue
            ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" |
                Should -Match 'Taking over the import lock of fsq_killed: process \d+ on this machine, which held it, is gone'
            Get-Count "SELECT count() FROM fsq_killed.app_logs" | Should -Be ($Dataset.Tables | Where-Object Table -eq 'app_logs').Rows
            Get-Count "SELECT count() FROM system.tables WHERE database = 'fsq_killed' AND name LIKE '%\\_\\_fibersqs\\_%'" | Should -Be 0
        }
    }

    Context 'many datasets in one pipeline' {
        It 'writes an error for the bad one and loads the next' {
            $results = @((Join-Path $TestDrive 'not-there'), $Dataset.Path) | ForEach-Object { [pscustomobject]@{ Path = $_ } } |
                Import-FiberSqsClickHouse -Uri $Url -Database fsq_pipeline -ErrorAction SilentlyContinue -ErrorVariable err
            @($results).Count | Should -Be 1
            $results.Passed | Should -BeTrue
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be "DatasetNotFound,$Cmd"
        }

        It 'refuses <_> as -Path with ProviderNotFileSystem, and goes on' -ForEach @('Env:\fsq_ds', 'Variable:\fsq_ds', 'Function:\') {
            $err = $null
            Import-FiberSqsClickHouse -Path $_ -Uri $Url -Database fsq_pipeline -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be "ProviderNotFileSystem,$Cmd"
        }
    }

    Context '-Confirm and -WhatIf' {
        It '-Confirm asks once for the whole import' {
            $script = "Import-Module '$ModulePath'; `$r = Import-FiberSqsClickHouse -Path '$($Dataset.Path)' -Uri $Url -Database fsq_confirm -Confirm; 'PASSED=' + `$r.Passed"
            $run = Invoke-ChildPwsh $script -Answers (@('Y') * 100)
            # Every confirmation prompt ends with the choices line.
            ([regex]::Matches($run.Text, '\[Y\] Yes  \[A\] Yes to All')).Count | Should -Be 1 -Because $run.Text
            $run.Text | Should -Match 'PASSED=True'
            $run.Text | Should -Match 'Load 8 tables'
        }

        It '-WhatIf still lists every action' {
            $transcript = Join-Path $TestDrive 'whatif-all.txt'
            Start-Transcript -LiteralPath $transcript | Out-Null
            try { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Database fsq_whatif_all -WhatIf } finally { Stop-Transcript | Out-Null }
            $text = Get-Content -Raw $transcript
            ([regex]::Matches($text, 'What if: ')).Count | Should -BeGreaterThan 50
            $text | Should -Match 'Create view.*fsq_whatif_all\.fsq_whatif_all_south_app_logs_20251207'
        }
    }

    Context 'the dataset folder' {
        It 'writes postload_validation.json over a planted symbolic link without touching what it points at' {
            $copy = New-DatasetCopy 'planted'
            $outside = Join-Path $TestDrive 'outside-victim.txt'
            Set-Content -LiteralPath $outside -Value 'precious'
            Remove-Item -LiteralPath (Join-Path $copy 'postload_validation.json') -ErrorAction Ignore
            New-Item -ItemType SymbolicLink -Path (Join-Path $copy 'postload_validation.json') -Target $outside | Out-Null
            $r = Import-FiberSqsClickHouse -Path $copy -Uri $Url -Database fsq_planted
            Get-Content -LiteralPath $outside | Should -Be 'precious'
            (Get-Item -LiteralPath $r.ReportPath -Force).LinkTarget | Should -BeNullOrEmpty
            (Get-Content -Raw $r.ReportPath | ConvertFrom-Json).database | Should -Be 'fsq_planted'
        }

        It 'imports from a read-only folder: a warning before the load, and the result with the validation' {
            $copy = New-DatasetCopy 'readonly'
            Remove-Item -LiteralPath (Join-Path $copy 'postload_validation.json') -ErrorAction Ignore
            # As root a mode bit does not stop a write; the immutable flag does.
            $isRoot = (& id -u) -eq '0'
            if ($isRoot) { & chattr +i $copy } else { & chmod 555 $copy }
            try {
                $warnings = $null; $err = $null
                $r = Import-FiberSqsClickHouse -Path $copy -Uri $Url -Database fsq_readonly -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable err
            } finally {
                if ($isRoot) { & chattr -i $copy } else { & chmod 755 $copy }
            }
            $err | Should -BeNullOrEmpty
            $r.Passed | Should -BeTrue
            $r.ReportPath | Should -BeNullOrEmpty
            $r.Validation.Checks.Count | Should -BeGreaterThan 5
            ($warnings -join "`n") | Should -Match 'postload_validation\.json cannot be written into .*readonly.*The import goes ahead'
            Join-Path $copy 'postload_validation.json' | Should -Not -Exist
        }

        It 'refuses a CSV whose header line is huge: DatasetIncomplete, quickly and without reading it' {
            $copy = New-DatasetCopy 'huge-header'
            $fs = [IO.File]::Open((Join-Path $copy 'data/clickhouse-tso_calls.csv'), 'Create')
            try { $fs.SetLength(4GB) } finally { $fs.Dispose() }
            $err = $null
            Import-FiberSqsClickHouse -Path $copy -Uri $Url -Database fsq_huge -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be "DatasetIncomplete,$Cmd"
            $err[0].ToString() | Should -Match 'line longer than 64 KiB'
        }

        It 'plans at most 40 index-pattern views from a claimed time range of a thousand years' {
            $copy = New-DatasetCopy 'claimed-range'
            $truthPath = Join-Path $copy 'ground_truth.json'
            $truth = Get-Content -Raw $truthPath | ConvertFrom-Json
            $truth.time_range.start = '1500-01-01T00:00:00Z'
            $truth.time_range.end = '2500-01-01T00:00:00Z'
            $truth | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $truthPath
            $transcript = Join-Path $TestDrive 'whatif-range.txt'
            Start-Transcript -LiteralPath $transcript | Out-Null
            try { Import-FiberSqsClickHouse -Path $copy -Uri $Url -Database fsq_range -WhatIf } finally { Stop-Transcript | Out-Null }
            ([regex]::Matches((Get-Content -Raw $transcript), 'Create view')).Count | Should -Be 40
            (Import-FiberSqsClickHouse -Path $copy -Uri $Url -Database fsq_range).ViewCount | Should -Be 40
        }
    }

    Context 'credentials and the HTTP connection' {
        BeforeAll {
            # A password with a raw @, # and ? in it, each part distinct enough to spot in any text.
            $script:Secret = 'K7q@Xz9#Wm4?Vb2'
            $script:Parts = 'K7q', 'Xz9', 'Wm4', 'Vb2'
            $script:Hang = Start-HttpStub @((New-StubRule 'GET /ping' 200 "Ok.`n"), (New-StubRule 'POST' -Hang))
            $script:Elsewhere = Start-HttpStub @((New-StubRule '' 200 "Ok.`n"))
            $script:Redirecting = Start-HttpStub @((New-StubRule 'GET /ping' -Redirect "$($Elsewhere.Url)/moved/?user=x"))
            $script:Hostile = Start-HttpStub @((New-StubRule 'GET /ping' 200 "Ok.`n"), (New-StubRule 'SELECT version()' 200 "18.16.1`n"),
                (New-StubRule 'SELECT name FROM system.databases' 500 "Code: 62, e.displayText() = DB::Exception: $([char] 27)]0;owned$([char] 7)$([char] 27)[2J gone, e.what() = DB::Exception"))
            function Uri([string] $HostPort, [string] $Scheme = 'http') { "${Scheme}://fibersqs_test:$Secret@$HostPort/" }
        }

        AfterAll {
            foreach ($s in $Hang, $Elsewhere, $Redirecting, $Hostile) { if ($s) { $s.Dispose() } }
        }

        It 'never shows any part of a password in -Uri: <Id>' -ForEach @(
            @{ Id = 'InvalidClickHouseUri'; Make = { Uri '127.0.0.1' 'ftp' } }
            @{ Id = 'InvalidClickHouseUri'; Make = { "http://fibersqs_test:$Secret@[bad/" } }
            @{ Id = 'ClickHouseUnreachable'; Make = { Uri "127.0.0.1:$(Get-FreeTcpPort)" } }
            @{ Id = 'ClickHouseAuthenticationFailed'; Make = { Uri "127.0.0.1:$($Server.HttpPort)" } }
            @{ Id = 'NotClickHouse'; Make = { Uri "127.0.0.1:$($Server.TcpPort)" } }
            @{ Id = 'ClickHouseTimeout'; Make = { Uri "127.0.0.1:$($Hang.Port)" } }
            @{ Id = 'ClickHouseRedirected'; Make = { Uri "127.0.0.1:$($Redirecting.Port)" } }
            @{ Id = 'UnencryptedAuthenticationRefused'; Make = { Uri '192.0.2.1:8123' } }
        ) {
            $uri = & $Make
            foreach ($command in 'Import-FiberSqsClickHouse', 'Test-FiberSqsDataset') {
                $record = $null
                $verbose = [Collections.Generic.List[object]]::new()
                try { & $command -Path $Dataset.Path -Uri $uri -TimeoutSec 3 -ErrorAction Stop -Verbose 4>&1 | ForEach-Object { $verbose.Add($_) } }
                catch { $record = $_ }
                $record.FullyQualifiedErrorId | Should -BeLike "$Id,*" -Because "$command with $Id"
                $text = (Get-ErrorText $record) + "`n" + (($verbose | ForEach-Object { "$_" }) -join "`n")
                foreach ($part in $Parts) { $text | Should -Not -Match ([regex]::Escape($part)) -Because "$command, $Id" }
            }
            $Elsewhere.Requests.Count | Should -Be 0 -Because 'a redirect is never followed'
        }

        It 'bounds a server that answers /ping and then hangs by -TimeoutSec: ClickHouseTimeout' {
            { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Hang.Url -TimeoutSec 3 } | Should -Throw -ErrorId "ClickHouseTimeout,$Cmd"
            { Test-FiberSqsDataset -Path $Dataset.Path -Uri $Hang.Url -TimeoutSec 3 -ErrorAction Stop } |
                Should -Throw -ErrorId 'ClickHouseTimeout,FiberSqs.Commands.TestFiberSqsDatasetCommand'
        }

        It 'names a redirect''s new location and never follows it: ClickHouseRedirected' {
            $err = $null
            try { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Redirecting.Url } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be "ClickHouseRedirected,$Cmd"
            $err.ToString() | Should -Match ([regex]::Escape("$($Elsewhere.Url)/moved"))
            $err.ToString() | Should -Not -Match 'user=x'
            $Elsewhere.Requests.Count | Should -Be 0
        }

        It 'sends a password over plain http to another machine only with -AllowUnencryptedAuthentication' {
            $cred = [pscredential]::new('trainer', (ConvertTo-SecureString 'Not-Sent-Pa55' -AsPlainText -Force))
            { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri 'http://192.0.2.1:8123' -Credential $cred } |
                Should -Throw -ErrorId "UnencryptedAuthenticationRefused,$Cmd"
            $err = $null
            try { Import-FiberSqsClickHouse -Path $Dataset.Path -Uri 'http://192.0.2.1:8123' -Credential $cred -AllowUnencryptedAuthentication -TimeoutSec 1 } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -BeIn @("ClickHouseTimeout,$Cmd", "ClickHouseUnreachable,$Cmd")
            # A loopback server gets it without the switch.
            $local = [pscredential]::new($Server.User, (ConvertTo-SecureString $Server.Password -AsPlainText -Force))
            (Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Url -Credential $local -Database fsq_cred_local).Passed | Should -BeTrue
        }

        It 'shows server text with its escape sequences escaped' {
            $err = $null
            Import-FiberSqsClickHouse -Path $Dataset.Path -Uri $Hostile.Url -ErrorAction SilentlyContinue -ErrorVariable err | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -Be "ClickHouseQueryFailed,$Cmd"
            Get-ErrorText $err[0] | Should -Not -Match "[$([char] 27)$([char] 7)]"
            $err[0].ToString() | Should -Match '\\u001b\]0;owned'
        }
    }

    Context 'tab completion of -Database' {
        It 'never offers a server''s database name that is not a plain identifier' {
            $evil = 'x; New-Item -Path /tmp/fsq-pwned #'
            Invoke-ClickHouseTestQuery $Server "CREATE DATABASE IF NOT EXISTS ``$evil``" | Out-Null
            Invoke-ClickHouseTestQuery $Server "CREATE TABLE IF NOT EXISTS ``$evil``.app_logs (x UInt8) ENGINE = MergeTree ORDER BY x" | Out-Null
            Invoke-ClickHouseTestQuery $Server "CREATE DATABASE IF NOT EXISTS fsq_completed" | Out-Null
            Invoke-ClickHouseTestQuery $Server "CREATE TABLE IF NOT EXISTS fsq_completed.app_logs (x UInt8) ENGINE = MergeTree ORDER BY x" | Out-Null
            try {
                $line = "Import-FiberSqsClickHouse -Path ./x -Uri $Url -Database "
                $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
                $found.CompletionText | Should -Contain 'fsq_completed'
                $found.CompletionText | Should -Not -Contain $evil
                @($found | Where-Object { $_.CompletionText -notmatch '^[A-Za-z_][A-Za-z0-9_]*$' }) | Should -BeNullOrEmpty
            } finally {
                Invoke-ClickHouseTestQuery $Server "DROP DATABASE IF EXISTS ``$evil``" | Out-Null
            }
        }
    }
}
