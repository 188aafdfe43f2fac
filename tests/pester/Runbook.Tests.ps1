#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The runbook examples/Invoke-FiberSqsRegen.ps1 run as is against the private ClickHouse test server
# (tests/pester/ClickHouseTestServer.ps1): regenerate, import, validate, report, exit codes; no password printed.

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Runbook = Join-Path $RepoRoot 'examples/Invoke-FiberSqsRegen.ps1'
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $script:ModulePath = Get-FiberSqsTestModule
    Import-Module $ModulePath -Force
    . (Join-Path $PSScriptRoot 'ClickHouseTestServer.ps1')
    $script:Server = Start-ClickHouseTestServer
    $script:Credential = [pscredential]::new($Server.User, (ConvertTo-SecureString $Server.Password -AsPlainText -Force))
    $script:SavedEnv = @{ Url = $env:CLICKHOUSE_URL; User = $env:CLICKHOUSE_USER; Password = $env:CLICKHOUSE_PASSWORD }
    $env:CLICKHOUSE_URL = $null; $env:CLICKHOUSE_USER = $null; $env:CLICKHOUSE_PASSWORD = $null

    # Runs the runbook in this session (its `exit` ends only the script) and returns its exit code and printed text.
    function Invoke-Runbook([hashtable] $Parameters) {
        $global:LASTEXITCODE = $null
        $text = & $Runbook @Parameters *>&1 | Out-String -Width 250
        [pscustomobject]@{ ExitCode = $global:LASTEXITCODE; Text = $text }
    }

    function Get-Count([string] $Sql) { [long] (Invoke-ClickHouseTestQuery $Server $Sql) }
}

AfterAll {
    if ($Server) { Stop-ClickHouseTestServer $Server }
    $env:CLICKHOUSE_URL = $SavedEnv.Url; $env:CLICKHOUSE_USER = $SavedEnv.User; $env:CLICKHOUSE_PASSWORD = $SavedEnv.Password
}

Describe 'Invoke-FiberSqsRegen.ps1' {
    Context 'against the test server' {
        BeforeAll {
            $script:Out = Join-Path $TestDrive 'regen'
            $script:First = Invoke-Runbook @{ OutputPath = $Out; Seed = 7; ScaleLogs = 0.002; Uri = $Server.Url; Credential = $Credential; Database = 'fsq_runbook' }
        }

        It 'regenerates, imports and validates, and exits 0' {
            $First.ExitCode | Should -Be 0 -Because $First.Text
            $First.Text | Should -Match '== 1/3 Regenerating'
            $First.Text | Should -Match '== 2/3 Importing'
            $First.Text | Should -Match '== 3/3 Validating the files'
            $First.Text | Should -Match '== Report: \d+ post-load and \d+ file checks, 0 failed'
            $First.Text | Should -Match 'PASSED: dataset .*regen is loaded into fsq_runbook and valid'
            # The default views of the three results, as the runbook prints them.
            $First.Text | Should -Match 'TsoCalls\s+: [\d,]+'
            $First.Text | Should -Match 'Rows\s+: [\d,]+ loaded of [\d,]+ expected in 8 tables'
            $First.Text | Should -Match '(?m)^PASSED  .*regen$'
            # Step 3 checked the loaded database as well as the files.
            $First.Text | Should -Match 'checks: \d+ passed, 0 failed, .*; database http://127\.0\.0\.1:\d+/fsq_runbook'
            $First.Text | Should -Match '(?m)^  PASS\s+postload_'
        }

        It 'leaves the dataset on disk and the same rows in ClickHouse' {
            $truth = Get-Content -Raw (Join-Path $Out 'ground_truth.json') | ConvertFrom-Json
            $truth.generation.seed | Should -Be 7
            foreach ($table in 'app_logs', 'tso_calls', 'txn_facts') {
                Get-Count "SELECT count() FROM fsq_runbook.$table" | Should -Be $truth.generation.row_counts.$table -Because "table $table"
            }
            Join-Path $Out 'postload_validation.json' | Should -Exist
        }

        It 'never prints the password' {
            $First.Text | Should -Not -Match ([regex]::Escape($Server.Password))
        }

        It 'replaces its own dataset and load on a second run' {
            $second = Invoke-Runbook @{ OutputPath = $Out; Seed = 8; ScaleLogs = 0.002; Uri = $Server.Url; Credential = $Credential; Database = 'fsq_runbook' }
            $second.ExitCode | Should -Be 0 -Because $second.Text
            $truth = Get-Content -Raw (Join-Path $Out 'ground_truth.json') | ConvertFrom-Json
            $truth.generation.seed | Should -Be 8
            Get-Count 'SELECT count() FROM fsq_runbook.app_logs' | Should -Be $truth.generation.row_counts.app_logs
        }
    }

    Context 'the documented form (README): dotnet pwsh -File, -Uri and no -Credential' {
        It 'runs all three steps and exits 0' {
            $out = Join-Path $TestDrive 'documented'
            Push-Location $RepoRoot
            try {
                $text = & dotnet pwsh -NoProfile -File ./examples/Invoke-FiberSqsRegen.ps1 -OutputPath $out -Seed 7 -ScaleLogs 0.01 -Uri $Server.Url 2>&1 | Out-String
                $exit = $LASTEXITCODE
            } finally { Pop-Location }
            $exit | Should -Be 0 -Because $text
            $text | Should -Match '== 3/3 Validating the files and the loaded database'
            $text | Should -Match 'PASSED: dataset .*documented is loaded into fibersqs_prod and valid'
            $text | Should -Not -Match 'PropertyNotFoundStrict'
        }
    }

    Context 'when a step cannot run' {
        It 'exits 2 and says which step failed, with the error id, when the server is unreachable' {
            $port = Get-FreeTcpPort
            $r = Invoke-Runbook @{ OutputPath = (Join-Path $TestDrive 'unreachable'); ScaleLogs = 0.001; Uri = "http://127.0.0.1:$port" }
            $r.ExitCode | Should -Be 2
            $r.Text | Should -Match "FAILED at step 'import'"
            $r.Text | Should -Match 'error id: \w+'
        }

        It 'exits 2 on a wrong password and does not print it' {
            $wrong = [pscredential]::new($Server.User, (ConvertTo-SecureString 'Wr0ng-Secret-4711' -AsPlainText -Force))
            $r = Invoke-Runbook @{ OutputPath = (Join-Path $TestDrive 'badauth'); ScaleLogs = 0.001; Uri = $Server.Url; Credential = $wrong }
            $r.ExitCode | Should -Be 2
            $r.Text | Should -Match "FAILED at step 'import'"
            $r.Text | Should -Not -Match 'Wr0ng-Secret-4711'
        }

        It 'exits 2 without touching a folder it did not write' {
            $precious = Join-Path $TestDrive 'precious'
            New-Item -ItemType Directory $precious | Out-Null
            Set-Content (Join-Path $precious 'notes.txt') 'keep me'
            $r = Invoke-Runbook @{ OutputPath = $precious; ScaleLogs = 0.001; Uri = $Server.Url; Credential = $Credential }
            $r.ExitCode | Should -Be 2
            $r.Text | Should -Match "FAILED at step 'generate'"
            Get-Content (Join-Path $precious 'notes.txt') | Should -Be 'keep me'
        }
    }
}
