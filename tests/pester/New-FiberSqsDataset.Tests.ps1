#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# New-FiberSqsDataset as a user calls it: output object, files, -Force/-WhatIf safety, bad values and their error ids.

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $script:ModulePath = Get-FiberSqsTestModule
    Import-Module $ModulePath -Force
    . (Join-Path $PSScriptRoot 'PipelineStop.ps1')
    $script:Small = @{ AppLogRows = 20000; Seed = 7 }

    function Get-FolderHash([string] $Path) {
        Get-ChildItem -LiteralPath $Path -Recurse -File -Force |
            Sort-Object FullName |
            ForEach-Object { '{0} {1}' -f [IO.Path]::GetRelativePath($Path, $_.FullName), (Get-FileHash -LiteralPath $_.FullName).Hash }
    }
}

Describe 'New-FiberSqsDataset' {
    Context 'writing a dataset' {
        BeforeAll {
            $script:Out = Join-Path $TestDrive 'ds'
            $script:Result = New-FiberSqsDataset -OutputPath $Out @Small -EnableTier2 -Zip
        }

        It 'returns one typed object describing the dataset' {
            @($Result).Count | Should -Be 1
            $Result | Should -BeOfType ([FiberSqs.FiberSqsDatasetInfo])
            $Result.Path | Should -Be $Out
            $Result.Seed | Should -Be 7
            $Result.AppLogRowTarget | Should -Be 20000
            $Result.EnableTier2 | Should -BeTrue
            $Result.Elapsed | Should -BeOfType ([timespan])
        }

        It 'reports every table with its real row count and size' {
            $Result.Tables.Table | Should -Be @('app_logs', 'trace_spans', 'network_circuit_metrics', 'infra_host_metrics',
                'tso_calls', 'service_metrics', 'network_events', 'txn_facts')
            foreach ($t in $Result.Tables) {
                (Get-Item -LiteralPath $t.Path).Length | Should -Be $t.Bytes
                $lines = [IO.File]::ReadLines($t.Path) | Measure-Object | Select-Object -ExpandProperty Count
                # Each row is one line: no generated text contains a line break.
                $lines - 1 | Should -Be $t.Rows
            }
            $Result.TotalRows | Should -Be ($Result.Tables | Measure-Object Rows -Sum).Sum
        }

        It 'writes the answer key, the README and the participants zip without the answer key' {
            $truth = Get-Content -Raw (Join-Path $Out 'ground_truth.json') | ConvertFrom-Json
            $truth.dataset_name | Should -Be 'simulated_fibersqs_cross_region_latency_tso'
            $truth.primary_incident.circuit_id | Should -Be 'CKT-CEN-EAS-003'
            $truth.generation.row_counts.app_logs | Should -Be ($Result.Tables | Where-Object Table -eq 'app_logs').Rows
            $truth.tso_noise.call_details.Count | Should -Be $truth.tso_noise.total_calls
            Join-Path $Out 'README.md' | Should -Exist
            $Result.ZipPath | Should -Exist
            Add-Type -AssemblyName System.IO.Compression.FileSystem
            $zip = [IO.Compression.ZipFile]::OpenRead($Result.ZipPath)
            try { $zip.Entries.FullName | Should -Not -Contain 'ground_truth.json' } finally { $zip.Dispose() }
        }

        It 'validates what it wrote and saves validation_summary.json' {
            $Result.ValidationPassed | Should -BeTrue
            $Result.Validation.Passed | Should -BeTrue
            $Result.Validation.Path | Should -Be $Out
            $summary = Get-Content -Raw (Join-Path $Out 'validation_summary.json') | ConvertFrom-Json
            $summary.passed | Should -BeTrue
            $summary.checks.name | Should -Contain 'row_counts'
            $summary.checks.Count | Should -Be $Result.Validation.Checks.Count
        }

        It 'leaves no staging folder behind' {
            Get-ChildItem -LiteralPath $TestDrive -Force -Filter '.*fibersqs*' | Should -BeNullOrEmpty
        }

        It 'shows no answer in its default console view, while the object carries the answer key one property away' {
            # A trainer often generates in front of the trainees: neither the circuit nor a window may show.
            $truth = $Result.GroundTruth
            $answers = @($truth.PrimaryIncident.CircuitId, $truth.PrimaryIncident.RerouteCircuitId, 'CEN-EAS', 'burst', 'incident',
                'cpu_spike', 'deployment_blip') +
                @($truth.PrimaryIncident.Start, $truth.PrimaryIncident.End, $truth.PrimaryIncident.FixTime) + @($truth.Confounders.Start) |
                ForEach-Object { $_ -replace '^(\d{4}-\d\d-\d\d)T(\d\d:\d\d).*$', '$1' }
            foreach ($view in @(($Result | Out-String -Width 300), ($Result | Format-List | Out-String -Width 300), ($Result | Format-Table | Out-String -Width 300))) {
                foreach ($answer in $answers | Where-Object { $_ -ne '2025-12-01' -and $_ -ne '2025-12-08' }) {
                    $view | Should -Not -Match ([regex]::Escape($answer)) -Because "the default view must not give '$answer' away"
                }
            }
            $Result.GroundTruth.PrimaryIncident.CircuitId | Should -Be 'CKT-CEN-EAS-003'
            $Result.PSObject.Properties.Name | Should -Not -Contain 'Incident'
        }
    }

    Context 'determinism' {
        It 'writes byte-identical files on one core and on all cores, and different files for another seed' {
            $a = Join-Path $TestDrive 'all-cores'
            $b = Join-Path $TestDrive 'one-core'
            $c = Join-Path $TestDrive 'seed-8'
            New-FiberSqsDataset -OutputPath $a @Small -EnableTier2 | Out-Null
            $env:DOTNET_PROCESSOR_COUNT = '1'
            try {
                Push-Location $RepoRoot
                & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModulePath'; `$null = New-FiberSqsDataset -OutputPath '$b' -AppLogRows 20000 -Seed 7 -EnableTier2; [Environment]::ProcessorCount" |
                    Should -Be 1
                $LASTEXITCODE | Should -Be 0
            } finally {
                Pop-Location
                Remove-Item Env:DOTNET_PROCESSOR_COUNT
            }
            Get-FolderHash $b | Should -Be (Get-FolderHash $a)
            New-FiberSqsDataset -OutputPath $c -AppLogRows 20000 -Seed 8 -EnableTier2 | Out-Null
            (Get-FileHash (Join-Path $c 'data/clickhouse-app_logs.csv')).Hash |
                Should -Not -Be (Get-FileHash (Join-Path $a 'data/clickhouse-app_logs.csv')).Hash
        }
    }

    Context 'safety of existing folders' {
        It 'refuses an existing dataset without -Force and changes nothing' {
            $out = Join-Path $TestDrive 'existing'
            New-FiberSqsDataset -OutputPath $out @Small | Out-Null
            $before = Get-FolderHash $out
            { New-FiberSqsDataset -OutputPath $out -AppLogRows 20000 -Seed 9 } | Should -Throw -ErrorId 'DatasetAlreadyExists,FiberSqs.Commands.NewFiberSqsDatasetCommand'
            Get-FolderHash $out | Should -Be $before
        }

        It '-WhatIf writes nothing, for a new folder and over an existing dataset' {
            $new = Join-Path $TestDrive 'whatif-new'
            New-FiberSqsDataset -OutputPath $new @Small -WhatIf | Should -BeNullOrEmpty
            $new | Should -Not -Exist
            $out = Join-Path $TestDrive 'whatif-existing'
            New-FiberSqsDataset -OutputPath $out @Small | Out-Null
            $before = Get-FolderHash $out
            New-FiberSqsDataset -OutputPath $out -AppLogRows 20000 -Seed 9 -Force -WhatIf | Should -BeNullOrEmpty
            Get-FolderHash $out | Should -Be $before
        }

        It '-Force replaces a dataset this module wrote' {
            $out = Join-Path $TestDrive 'replace'
            New-FiberSqsDataset -OutputPath $out @Small | Out-Null
            $r = New-FiberSqsDataset -OutputPath $out -AppLogRows 20000 -Seed 9 -Force
            $r.Seed | Should -Be 9
            (Get-Content -Raw (Join-Path $out 'ground_truth.json') | ConvertFrom-Json).generation.seed | Should -Be 9
            Get-ChildItem -LiteralPath $TestDrive -Force -Filter '.replace.fibersqs*' | Should -BeNullOrEmpty
        }

        It 'never replaces a folder it did not write, even with -Force' {
            $out = Join-Path $TestDrive 'precious'
            New-Item -ItemType Directory $out | Out-Null
            Set-Content (Join-Path $out 'thesis.txt') 'years of work'
            { New-FiberSqsDataset -OutputPath $out @Small -Force -Confirm:$false } | Should -Throw -ErrorId 'OutputPathNotOwned,FiberSqs.Commands.NewFiberSqsDatasetCommand'
            Get-Content (Join-Path $out 'thesis.txt') | Should -Be 'years of work'
            @(Get-ChildItem -LiteralPath $out -Force).Count | Should -Be 1
        }

        It 'writes into an existing empty folder' {
            $out = Join-Path $TestDrive 'empty'
            New-Item -ItemType Directory $out | Out-Null
            (New-FiberSqsDataset -OutputPath $out @Small).Path | Should -Be $out
        }

        It 'refuses a path that is a file' {
            $file = Join-Path $TestDrive 'a-file.txt'
            Set-Content $file 'x'
            { New-FiberSqsDataset -OutputPath $file @Small } | Should -Throw -ErrorId 'OutputPathIsFile,FiberSqs.Commands.NewFiberSqsDatasetCommand'
            Get-Content $file | Should -Be 'x'
        }

        It 'resolves a relative path against the current PowerShell location' {
            Push-Location $TestDrive
            try {
                $r = New-FiberSqsDataset -OutputPath 'relative' @Small
                $r.Path | Should -Be (Join-Path $TestDrive 'relative')
            } finally { Pop-Location }
        }
    }

    Context 'folders it does not own' {
        It '-Force refuses a dataset folder that also holds a file it did not write, and deletes nothing' {
            $out = Join-Path $TestDrive 'mixed'
            New-FiberSqsDataset -OutputPath $out @Small | Out-Null
            Set-Content (Join-Path $out 'my-notes.txt') 'mine'
            $before = Get-FolderHash $out
            $err = $null
            try { New-FiberSqsDataset -OutputPath $out -AppLogRows 20000 -Seed 9 -Force } catch { $err = $_ }
            $err.FullyQualifiedErrorId | Should -Be 'OutputPathNotOwned,FiberSqs.Commands.NewFiberSqsDatasetCommand'
            $err.ToString() | Should -Match 'my-notes\.txt'
            Get-FolderHash $out | Should -Be $before
        }

        It '-Force refuses an -OutputPath that is a symbolic link, and leaves both it and what it points at' {
            $real = Join-Path $TestDrive 'real-ds'
            New-FiberSqsDataset -OutputPath $real @Small | Out-Null
            $before = Get-FolderHash $real
            $link = Join-Path $TestDrive 'link-ds'
            New-Item -ItemType SymbolicLink -Path $link -Target $real | Out-Null
            { New-FiberSqsDataset -OutputPath $link @Small -Force } | Should -Throw -ErrorId 'OutputPathNotOwned,FiberSqs.Commands.NewFiberSqsDatasetCommand'
            (Get-Item -LiteralPath $link -Force).LinkTarget | Should -Be $real
            Get-FolderHash $real | Should -Be $before
        }

        It 'refuses <_> as -OutputPath with ProviderNotFileSystem and writes nothing' -ForEach @('Env:\fsq_out', 'Variable:\fsq_out', 'Function:\') {
            $work = New-Item -ItemType Directory -Path (Join-Path $TestDrive ("cwd-" + [guid]::NewGuid().ToString('N').Substring(0, 6)))
            Push-Location $work
            $saved = [Environment]::CurrentDirectory
            [Environment]::CurrentDirectory = $work.FullName
            try {
                { New-FiberSqsDataset -OutputPath $_ @Small } | Should -Throw -ErrorId 'ProviderNotFileSystem,FiberSqs.Commands.NewFiberSqsDatasetCommand'
            } finally {
                [Environment]::CurrentDirectory = $saved
                Pop-Location
            }
            @(Get-ChildItem -LiteralPath $work -Force) | Should -BeNullOrEmpty
            @(Get-ChildItem -LiteralPath $TestDrive -Force -Filter '.fsq_out*') | Should -BeNullOrEmpty
        }
    }

    Context 'a killed run' {
        It 'leaves its staging folder, which the next run removes, saying how much it freed' {
            $parent = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'killed-parent')
            $target = Join-Path $parent 'killed'
            # A lookalike without an owner file is never the module's to remove.
            $lookalike = New-Item -ItemType Directory -Path (Join-Path $parent '.other.fibersqs-staging-0123456789abcdef')
            $child = Start-Process -FilePath dotnet -PassThru -RedirectStandardOutput (Join-Path $TestDrive 'killed.out') -RedirectStandardError (Join-Path $TestDrive 'killed.err') -ArgumentList @(
                'pwsh', '-NoProfile', '-NonInteractive', '-Command',
                "Import-Module '$ModulePath'; New-FiberSqsDataset -OutputPath '$target' -AppLogRows 30000000 | Out-Null")
            try {
                $deadline = [datetime]::UtcNow.AddSeconds(60)
                $staging = $null
                while (-not $staging -and [datetime]::UtcNow -lt $deadline) {
                    $staging = Get-ChildItem -LiteralPath $parent -Force -Directory -Filter '.killed.fibersqs-staging-*' |
                        Where-Object { @(Get-ChildItem -LiteralPath (Join-Path $_.FullName 'dataset/data') -File -ErrorAction Ignore | Where-Object Length -gt 1MB).Count -gt 0 }
                    Start-Sleep -Milliseconds 100
                }
                $staging | Should -Not -BeNullOrEmpty -Because 'the child run should be writing'
                $staging.Name | Should -Match '^\.killed\.fibersqs-staging-[0-9a-f]{16}$'
                # kill -9 the process that writes (the pwsh under the dotnet launcher), as its owner file names it.
                $owner = Get-Content -Raw (Join-Path $staging.FullName '.fibersqs-owner') | ConvertFrom-Json
                & kill -9 $owner.pid
                $child.WaitForExit(30000) | Should -BeTrue
                $staging.FullName | Should -Exist
            } finally {
                if (-not $child.HasExited) { $child.Kill() }
            }

            $warnings = $null
            $r = New-FiberSqsDataset -OutputPath (Join-Path $parent 'next') @Small -WarningVariable warnings -WarningAction SilentlyContinue
            $r.ValidationPassed | Should -BeTrue
            $staging.FullName | Should -Not -Exist
            ($warnings -join "`n") | Should -Match "Removed .*\.killed\.fibersqs-staging-[0-9a-f]{16}, left by a New-FiberSqsDataset run that was stopped .*: [\d.,]+ MB freed"
            $lookalike.FullName | Should -Exist
            $target | Should -Not -Exist
        }
    }

    Context 'bad values' {
        It 'rejects <Name> = <Value> with <ErrorId>' -ForEach @(
            @{ Name = 'ScaleLogs'; Value = [double]::NaN; ErrorId = 'ParameterArgumentValidationError' }
            @{ Name = 'ScaleLogs'; Value = 0; ErrorId = 'ParameterArgumentValidationError' }
            @{ Name = 'ScaleLogs'; Value = -1; ErrorId = 'ParameterArgumentValidationError' }
            @{ Name = 'ScaleLogs'; Value = [double]::PositiveInfinity; ErrorId = 'ParameterArgumentValidationError' }
            @{ Name = 'AppLogRows'; Value = 0; ErrorId = 'ParameterArgumentValidationError' }
            @{ Name = 'AppLogRows'; Value = 1e12; ErrorId = 'ParameterArgumentValidationError' }
            @{ Name = 'Seed'; Value = -1; ErrorId = 'ParameterArgumentValidationError' }
            @{ Name = 'AppLogRows'; Value = 'many'; ErrorId = 'CannotConvertArgumentNoMessage' }
        ) {
            $out = Join-Path $TestDrive "bad-$Name"
            $params = @{ OutputPath = $out; $Name = $Value }
            { New-FiberSqsDataset @params } | Should -Throw -ErrorId "$ErrorId,FiberSqs.Commands.NewFiberSqsDatasetCommand"
            $out | Should -Not -Exist
        }

        It 'rejects a product of AppLogRows and ScaleLogs outside 100..50,000,000 with RowTargetOutOfRange' {
            { New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'tiny') -AppLogRows 1000 -ScaleLogs 0.01 } |
                Should -Throw -ErrorId 'RowTargetOutOfRange,FiberSqs.Commands.NewFiberSqsDatasetCommand'
            { New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'huge') -AppLogRows 40000000 -ScaleLogs 2 } |
                Should -Throw -ErrorId 'RowTargetOutOfRange,FiberSqs.Commands.NewFiberSqsDatasetCommand'
            Join-Path $TestDrive 'tiny' | Should -Not -Exist
        }

        It 'tells the user what to do in the error' {
            $err = $null
            try { New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'tiny2') -AppLogRows 10 -ScaleLogs 0.5 } catch { $err = $_ }
            $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $err.ErrorDetails.RecommendedAction | Should -Match 'AppLogRows'
        }
    }

    Context 'stopping' {
        It 'stops promptly on Ctrl+C (pipeline stop) and leaves neither the target nor a staging folder' {
            $out = Join-Path $TestDrive 'stopped'
            $run = Invoke-FiberSqsCommandAndStop -ModulePath $ModulePath -Command New-FiberSqsDataset `
                -Parameters @{ OutputPath = $out; AppLogRows = 30000000 } -TimeoutSeconds 20 `
                -Until { [bool] (Get-ChildItem -LiteralPath $TestDrive -Force -Filter '.stopped.fibersqs-staging-*') }
            $run.StopSeconds | Should -BeLessThan 5
            $run.State | Should -Be 'Stopped'
            $out | Should -Not -Exist
            Get-ChildItem -LiteralPath $TestDrive -Force -Filter '.stopped.fibersqs*' | Should -BeNullOrEmpty
        }
    }

    Context 'tab completion' {
        It 'offers the usual -ScaleLogs values with the app-log rows each gives' {
            $line = 'New-FiberSqsDataset -OutputPath ./x -AppLogRows 2000000 -ScaleLogs '
            $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            $found.CompletionText | Should -Be @('0.001', '0.01', '0.1', '1')
            $found[0].ToolTip | Should -Match '^2,000 app-log rows: a quick dry run$'
            $found[3].ToolTip | Should -Match '^2,000,000 app-log rows'
        }

        It 'leaves out scales whose row target the command would refuse, and filters by what is typed' {
            # 20,000 x 0.001 = 20 rows, under the 100 the command accepts.
            $line = 'New-FiberSqsDataset -OutputPath ./x -AppLogRows 20000 -ScaleLogs 0'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('0.01', '0.1')
            $line = 'New-FiberSqsDataset -OutputPath ./x -ScaleLogs 0.0'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('0.001', '0.01')
        }
    }

    Context 'progress and verbose output' {
        It 'says step by step what it does with -Verbose' {
            $verbose = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'verbose') @Small -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            ($verbose.Message -join "`n") | Should -Match 'staging'
            ($verbose.Message -join "`n") | Should -Match 'Wrote [\d,]+ rows'
        }
    }
}
