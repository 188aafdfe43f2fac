#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The module as a whole: manifest, exports, layout, help completeness (docs versus the real parameters) and format views.

BeforeDiscovery {
    # Discovery needs the module loaded too: the format-view tests are generated from the cmdlets' output types.
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    $manifest = Get-FiberSqsTestModule
    Import-Module $manifest -Force
    $script:Cmdlets = (Import-PowerShellDataFile $manifest).CmdletsToExport
    $script:OutputTypes = @($Cmdlets | ForEach-Object { (Get-Command $_ -Module FiberSqs -ErrorAction SilentlyContinue).OutputType.Type } |
            Where-Object { $_ -and -not $_.IsPrimitive -and $_ -ne [string] } | ForEach-Object FullName | Sort-Object -Unique)
}

BeforeAll {
    $script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    # The manifest as laid out (out/FiberSqs/<version>/, a copy of the source one) and the folder it sits in.
    $script:ManifestPath = Get-FiberSqsTestModule
    $script:ModuleBase = Split-Path -Parent $ManifestPath
    $script:ManifestData = Import-PowerShellDataFile $ManifestPath
    $script:Expected = @('New-FiberSqsDataset', 'Import-FiberSqsClickHouse', 'Test-FiberSqsDataset', 'Get-FiberSqsScenario',
        'Measure-FiberSqsAnswer', 'Export-FiberSqsReport')
    Import-Module $ManifestPath -Force
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters

    # The parameters a cmdlet really has: everything but the common parameters (-WhatIf/-Confirm stay: platyPS documents them).
    function Get-RealParameter([string] $Name) {
        (Get-Command $Name -Module FiberSqs).Parameters.Values | Where-Object Name -NotIn $Common
    }
}

Describe 'FiberSqs module' {
    Context 'manifest' {
        It 'passes Test-ModuleManifest without errors or warnings' {
            $info = Test-ModuleManifest -Path $ManifestPath -ErrorVariable problems -WarningVariable warnings -ErrorAction SilentlyContinue
            $problems | Should -BeNullOrEmpty
            $warnings | Should -BeNullOrEmpty
            $info.Name | Should -Be 'FiberSqs'
        }

        It 'exports exactly the three cmdlets, explicitly, and nothing else' {
            @($ManifestData.CmdletsToExport) | Sort-Object | Should -Be ($Expected | Sort-Object)
            @($ManifestData.FunctionsToExport).Count | Should -Be 0
            @($ManifestData.VariablesToExport).Count | Should -Be 0
            @($ManifestData.AliasesToExport).Count | Should -Be 0
            Get-Content -Raw $ManifestPath | Should -Not -Match "ToExport\s*=\s*(@\()?\s*'\*'"
        }

        It 'says honestly what it runs on and carries no placeholder values' {
            # The minimum is the version the suite runs on (pwsh 7.6.9 from .config/dotnet-tools.json), no lower.
            $ManifestData.PowerShellVersion | Should -Be '7.6'
            [version] $ManifestData.PowerShellVersion | Should -BeLessOrEqual $PSVersionTable.PSVersion
            $ManifestData.CompatiblePSEditions | Should -Be @('Core')
            [version] $ManifestData.ModuleVersion | Should -BeGreaterThan ([version] '0.0.0')
            [guid] $ManifestData.GUID | Should -Not -Be ([guid]::Empty)
            $ManifestData.Description.Length | Should -BeGreaterThan 40
            $ManifestData.PrivateData.PSData.Tags.Count | Should -BeGreaterThan 2
            $ManifestData.Author | Should -Be 'FiberSqs'
            $ManifestData.CompanyName | Should -Be 'FiberSqs'
            Get-Content -Raw $ManifestPath | Should -Not -Match 'TODO|Unknown|<[A-Z ]+>|\{\{'
        }

        It 'stamps its version into the module assembly (one version source)' {
            $dll = Join-Path $ModuleBase ($ManifestData.RootModule)
            $dll | Should -Exist
            [Diagnostics.FileVersionInfo]::GetVersionInfo($dll).ProductVersion | Should -BeLike "$($ManifestData.ModuleVersion)*"
            (Get-Module FiberSqs).Version | Should -Be ([version] $ManifestData.ModuleVersion)
        }

        It 'ships no reference-only System.Management.Automation.dll' {
            Get-ChildItem (Join-Path $ModuleBase 'bin') -Recurse -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
        }

        It 'is laid out as an installed module: out/FiberSqs/<version>/ with the manifest, the format file, bin/, bin/deps/ and en-US/' {
            Split-Path -Leaf $ModuleBase | Should -Be $ManifestData.ModuleVersion
            Split-Path -Leaf (Split-Path -Parent $ModuleBase) | Should -Be 'FiberSqs'
            (Get-Content -Raw $ManifestPath) | Should -Be (Get-Content -Raw (Join-Path $RepoRoot 'FiberSqs.psd1'))
            foreach ($file in 'bin/FiberSqs.dll', 'bin/deps/FiberSqs.Core.dll', 'bin/deps/CsvHelper.dll', 'bin/deps/OxyPlot.dll', 'en-US/FiberSqs.dll-Help.xml', 'en-US/about_FiberSqs.help.txt') {
                Join-Path $ModuleBase $file | Should -Exist
            }
            # Only the cmdlet assembly where PowerShell looks: the dependencies load in the module's own context.
            (Get-ChildItem (Join-Path $ModuleBase 'bin') -File -Filter '*.dll').Name | Should -Be @('FiberSqs.dll')
            (Get-Module FiberSqs).ModuleBase | Should -Be $ModuleBase
        }

        It 'loads every format file it lists' {
            foreach ($file in $ManifestData.FormatsToProcess) {
                Join-Path $ModuleBase $file | Should -Exist
            }
        }
    }

    Context 'exports' {
        It 'exports <_> from the loaded module' -ForEach $Cmdlets {
            Get-Command $_ -Module FiberSqs -CommandType Cmdlet -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because "the manifest exports $_"
        }

        It 'exports nothing beyond the manifest' {
            (Get-Command -Module FiberSqs).Name | Sort-Object | Should -Be (@($ManifestData.CmdletsToExport) | Sort-Object)
        }

        It 'declares an output type on <_>' -ForEach $Cmdlets {
            (Get-Command $_ -Module FiberSqs).OutputType | Should -Not -BeNullOrEmpty
        }
    }
}

Describe 'Help for <_>' -ForEach $Cmdlets {
    BeforeAll {
        $script:Name = $_
        $script:Command = Get-Command $Name -Module FiberSqs -ErrorAction SilentlyContinue
        $script:Help = Get-Help $Name -Full -ErrorAction SilentlyContinue
        $script:Doc = Join-Path $RepoRoot "docs/en-US/$Name.md"
    }

    It 'has a markdown page in docs/en-US' {
        $Doc | Should -Exist
    }

    It 'comes from the built MAML: a written synopsis and description, not the generated stub' {
        $Command | Should -Not -BeNullOrEmpty -Because "$Name must exist to have help"
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -Match "^\s*$Name\s*\["
        ($Help.description.Text -join ' ').Length | Should -BeGreaterThan 100
    }

    It 'has at least two titled examples with code that calls the cmdlet' {
        $examples = @((Get-Help $Name -Examples).examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($e in $examples) {
            $e.title.Trim('-', ' ') | Should -Not -BeNullOrEmpty
            $e.code | Should -Match ([regex]::Escape($Name.Split('-')[1]))
        }
    }

    It 'documents every parameter the cmdlet has, and none it does not have' {
        $Command | Should -Not -BeNullOrEmpty -Because "$Name must exist to compare its parameters with its docs"
        $real = @(Get-RealParameter $Name | ForEach-Object Name)
        $documented = @($Help.parameters.parameter | ForEach-Object name)
        $undocumented = @($real | Where-Object { $_ -notin $documented })
        $stale = @($documented | Where-Object { $_ -notin $real })
        $undocumented | Should -BeNullOrEmpty -Because "docs/en-US/$Name.md must describe every parameter"
        $stale | Should -BeNullOrEmpty -Because "docs/en-US/$Name.md describes parameters $Name no longer has"
    }

    It 'describes each parameter, with the real type, requiredness, position, pipeline binding and aliases' {
        $Command | Should -Not -BeNullOrEmpty
        foreach ($p in Get-RealParameter $Name) {
            $doc = Get-Help $Name -Parameter $p.Name -ErrorAction SilentlyContinue
            $doc | Should -Not -BeNullOrEmpty -Because "-$($p.Name) needs a PARAMETERS entry"
            ($doc.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "-$($p.Name) needs a description"
            $doc.type.name | Should -Be $p.ParameterType.Name -Because "the type of -$($p.Name)"
            $attr = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })[0]
            [bool]::Parse($doc.required) | Should -Be $attr.Mandatory -Because "whether -$($p.Name) is required"
            $position = if ($attr.Position -lt 0) { 'named' } else { [string] $attr.Position }
            $doc.position | Should -Be $position -Because "the position of -$($p.Name)"
            ($doc.pipelineInput -match 'ByPropertyName') | Should -Be $attr.ValueFromPipelineByPropertyName -Because "whether -$($p.Name) binds by property name"
            ($doc.pipelineInput -match 'ByValue') | Should -Be $attr.ValueFromPipeline -Because "whether -$($p.Name) binds by value"
            $aliases = if ($doc.aliases -eq 'none') { @() } else { @($doc.aliases -split ',\s*') }
            @($aliases | Sort-Object) | Should -Be @($p.Aliases | Sort-Object) -Because "the aliases of -$($p.Name)"
        }
    }

    It 'names the real output types under OUTPUTS' {
        $Command | Should -Not -BeNullOrEmpty
        $documented = @($Help.returnValues.returnValue | ForEach-Object { $_.type.name })
        foreach ($type in $Command.OutputType) {
            $documented | Should -Contain $type.Name -Because "$Name declares [OutputType($($type.Name))]"
        }
    }

    It 'has inputs, notes and related links' {
        @($Help.inputTypes.inputType).Count | Should -BeGreaterThan 0
        ($Help.alertSet.alert.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
        @($Help.relatedLinks.navigationLink).Count | Should -BeGreaterThan 0
    }
}

Describe 'about_FiberSqs' {
    It 'is found by Get-Help and covers the dataset, the files and the ClickHouse model' {
        $text = Get-Help about_FiberSqs | Out-String
        $text | Should -Match 'TOPIC\s+about_FiberSqs'
        $text | Should -Match 'ground_truth\.json'
        $text | Should -Match 'fibersqs_prod_<region>_app_logs'
        $text | Should -Match 'quantileTDigest'
    }
}

Describe 'Format views' {
    It 'finds the output types of the cmdlets to check' -ForEach @{ Types = $OutputTypes } {
        $Types | Should -Contain 'FiberSqs.FiberSqsDatasetInfo'
    }

    It 'has a default view for <_>, an output type of the cmdlets' -ForEach $OutputTypes {
        Get-FormatData -TypeName $_ | Should -Not -BeNullOrEmpty -Because "FiberSqs.Format.ps1xml should hold a view for $_"
    }

    It 'defines one view per type (a second one would be silently ignored)' {
        [xml] $format = Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'FiberSqs.Format.ps1xml')
        $types = @($format.Configuration.ViewDefinitions.View | ForEach-Object { $_.ViewSelectedBy.TypeName })
        $types.Count | Should -BeGreaterThan 3
        @($types | Group-Object | Where-Object Count -gt 1 | ForEach-Object Name) | Should -BeNullOrEmpty
    }

    Context 'a dataset object in the console' {
        BeforeAll {
            $script:Dataset = New-FiberSqsDataset -OutputPath (Join-Path $TestDrive 'ds') -AppLogRows 2000 -Seed 3
        }

        It 'shows the dataset as a short list a person reads at a glance' {
            $text = $Dataset | Out-String -Width 200
            $text | Should -Match 'Path\s+: .*ds'
            $text | Should -Match 'AppLogRows\s+: [\d,]+ \(target 2,000'
            $text | Should -Match 'Tables\s+: 5 \(Tier 1\)'
            $text | Should -Match 'Size\s+: [\d.]+ MB'
            $text | Should -Match 'Validation\s+: PASSED: (\d+) of \1 checks passed'
            $text | Should -Match 'Elapsed\s+: [\d.]+ s \(writing [\d.]+ s at [\d,]+ rows/s, validating [\d.]+ s\)'
            $text | Should -Not -Match 'GroundTruth'
        }

        It 'shows the tables as a table with rows and sizes' {
            $text = $Dataset.Tables | Out-String -Width 200
            $text | Should -Match 'Table\s+Tier\s+Rows\s+MB\s+File'
            $text | Should -Match 'app_logs\s+1\s+[\d,]+\s+[\d.]+\s+clickhouse-app_logs\.csv'
        }

        It 'shows a validation as its outcome plus one line per check' {
            $validation = $Dataset | Test-FiberSqsDataset
            $text = $validation | Out-String -Width 200
            $lines = @($text.Trim() -split '\r?\n')
            $lines[0] | Should -Match '^(PASSED|FAILED)  .*ds$'
            $lines[1] | Should -Match '^\d+ checks: \d+ passed, \d+ failed, \d+ not applicable'
            @($lines | Select-Object -Skip 2).Count | Should -Be @($validation.Checks).Count
            $text | Should -Match '(?m)^  (PASS|FAIL|n/a)\s+row_counts\s+app_logs='
            ($validation.Checks | Out-String -Width 200) | Should -Match 'Result\s+Name\s+Figures\s+Threshold'
        }

        It 'keeps every property one Select-Object * away' {
            ($Dataset | Select-Object * | Out-String -Width 200) | Should -Match 'GroundTruth'
        }
    }
}
