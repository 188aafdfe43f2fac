#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The help examples of Get-FiberSqsScenario and Export-FiberSqsReport, read from Get-Help and run exactly as written,
# one after another in a folder holding what they name (./out, ./answers.csv), with the session's default error
# preference: each must run without an error (a missing file, a folder it may not replace, a parameter that is gone). (Measure-FiberSqsAnswer's examples run in its own test file.)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    Import-Module (Get-FiberSqsTestModule) -Force
    $script:Cases = foreach ($name in 'Get-FiberSqsScenario', 'Export-FiberSqsReport') {
        $i = 0
        foreach ($e in (Get-Help $name -Examples).examples.example) {
            $i++
            @{ Name = $name; Index = $i; Code = (($e.code -split '\r?\n') -replace '^PS> ', '') -join "`n" }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    Import-Module (Get-FiberSqsTestModule) -Force
    $script:Work = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'help')
    $null = New-FiberSqsDataset -OutputPath (Join-Path $Work 'out') -Seed 7 -ScaleLogs 0.001 -EnableTier2
    @(
        [pscustomobject]@{ Team = 'red'; RootCauseKind = 'network'; Component = 'CKT-CEN-EAS-003'; Region = 'central -> east'
            Start = '2025-12-03T12:20:00Z'; End = '2025-12-05T18:10:00Z' }
        [pscustomobject]@{ Team = 'blue'; RootCauseKind = 'host_saturation'; Component = 'central hosts'; Region = 'central'
            Start = '2025-12-02T09:30:00Z'; End = '2025-12-02T11:00:00Z' }
    ) | Export-Csv -LiteralPath (Join-Path $Work 'answers.csv') -NoTypeInformation
}

Describe 'Help examples, as written' {
    It '<Name> example <Index> runs without an error' -ForEach $Cases {
        $ErrorActionPreference = 'Continue' # as a user's session runs it (the suite's runner sets Stop)
        Push-Location $Work
        try { $out = @(& ([scriptblock]::Create($Code)) 2>&1) } finally { Pop-Location }
        @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" }) |
            Should -BeNullOrEmpty
    }
}
