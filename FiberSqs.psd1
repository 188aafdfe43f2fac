#
# Module manifest for FiberSqs. This file is the one source of the module's version: build.ps1 reads
# ModuleVersion and stamps it into the assemblies it publishes into ./bin.
#
@{
    RootModule             = 'bin/FiberSqs.dll'
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Core')
    GUID                   = '7cbce6e4-29be-4367-83e4-5f290e2de7fa'
    Author                 = 'FiberSqs'
    CompanyName            = 'FiberSqs'
    Copyright              = '(c) FiberSqs. All rights reserved.'
    Description            = 'Generates the deterministic Fiber SQS cross-region latency observability dataset (app logs, trace spans, circuit and host metrics, TSO calls and an answer key), loads it into ClickHouse and validates both.'
    # The tests run on pwsh 7.6.9 (the pinned dotnet tool). The dll targets net8.0, which 7.4 LTS could load, but
    # no 7.4 is available here to test it, so the manifest asks for what was tested.
    PowerShellVersion      = '7.6'
    FormatsToProcess       = @('FiberSqs.Format.ps1xml')
    CmdletsToExport        = @('New-FiberSqsDataset', 'Import-FiberSqsClickHouse', 'Test-FiberSqsDataset', 'Get-FiberSqsScenario',
                              'Measure-FiberSqsAnswer', 'Export-FiberSqsReport')
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Observability', 'ClickHouse', 'Dataset', 'Incident', 'SRE', 'Training', 'Logs', 'Traces', 'Metrics', 'PSEdition_Core', 'Linux')
            ReleaseNotes = 'First release: New-FiberSqsDataset, Import-FiberSqsClickHouse and Test-FiberSqsDataset.'
        }
    }
}
