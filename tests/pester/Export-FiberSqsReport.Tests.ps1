#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Export-FiberSqsReport as a user calls it: the default file and -OutFile, pipeline binding, -WhatIf, -Force and a planted
# symbolic link, the error ids, -Score with objects made here; then the page in a real headless browser (Debian's
# chromium, installed when missing) with the network cut off: every chart drawn, and a screenshot that is not blank.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestModule.ps1')
    Import-Module (Get-FiberSqsTestModule) -Force
    $script:Command = 'FiberSqs.Commands.ExportFiberSqsReportCommand'
    $script:Good = Join-Path $TestDrive 'good'
    $script:Dataset = New-FiberSqsDataset -OutputPath $Good -Seed 7 -ScaleLogs 0.001
    $script:Teams = @(
        [pscustomobject]@{ Team = 'Red'; Score = 80; MaxScore = 100; Percent = 80
            Criteria = @([pscustomobject]@{ Name = 'Component'; Points = 30; MaxPoints = 30 }, [pscustomobject]@{ Name = 'Window'; Points = 10; MaxPoints = 20 }) },
        @{ Team = 'Blue <i>'; Score = 35; MaxScore = 100; Criteria = @(@{ Name = 'Component'; Points = 5; MaxPoints = 30 }) }
    )

    # Runs the command with its (non-terminating) errors collected apart from its output: @{ Output; Errors }.
    # As a user's session runs it: non-terminating errors are written, not thrown (the suite's runner sets Stop).
    function Invoke-Report([scriptblock] $Script) {
        $ErrorActionPreference = 'Continue'
        $all = @(& $Script 2>&1)
        [pscustomobject]@{
            Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
            Errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        }
    }
}

Describe 'Export-FiberSqsReport' {
    Context 'writing the report' {
        It 'writes debrief.html into the dataset folder by default and returns its FileInfo' {
            $file = Export-FiberSqsReport -Path $Good
            $file | Should -BeOfType ([System.IO.FileInfo])
            $file.FullName | Should -Be (Join-Path $Good 'debrief.html')
            $html = Get-Content -Raw -LiteralPath $file.FullName
            $html | Should -Match '^<!DOCTYPE html>'
            ([regex]::Matches($html, '<svg ')).Count | Should -Be 6
            $html | Should -Match 'Circuit CKT-CEN-EAS-003, from central to east, degraded'
            $html | Should -Not -Match '<script|https?:'
            $html | Should -Not -Match 'id="scores"'
        }

        It 'writes -OutFile, a path relative to the current location' {
            Push-Location $TestDrive
            try {
                $file = Export-FiberSqsReport $Good 'class-a.html'
            } finally {
                Pop-Location
            }
            $file.FullName | Should -Be (Join-Path $TestDrive 'class-a.html')
            $file.Length | Should -BeGreaterThan 50000
        }

        It 'binds the dataset object from New-FiberSqsDataset by its Path, without taking it for a score' {
            $r = Invoke-Report { $Dataset | Export-FiberSqsReport -OutFile (Join-Path $TestDrive 'piped.html') }
            $r.Errors | Should -BeNullOrEmpty
            $r.Output.FullName | Should -Be (Join-Path $TestDrive 'piped.html')
        }

        It 'refuses to replace a file without -Force, and replaces it with -Force' {
            $target = Join-Path $TestDrive 'existing.html'
            Set-Content -LiteralPath $target -Value 'my notes'
            $r = Invoke-Report { Export-FiberSqsReport -Path $Good -OutFile $target }
            $r.Errors[0].FullyQualifiedErrorId | Should -Be "ReportAlreadyExists,$Command"
            $r.Errors[0].CategoryInfo.Category | Should -Be 'ResourceExists'
            Get-Content -Raw -LiteralPath $target | Should -Match '^my notes'
            (Export-FiberSqsReport -Path $Good -OutFile $target -Force).Length | Should -BeGreaterThan 50000
        }

        It 'writes nothing with -WhatIf, and leaves an existing file as it was' {
            $target = Join-Path $TestDrive 'whatif.html'
            Export-FiberSqsReport -Path $Good -OutFile $target -WhatIf | Should -BeNullOrEmpty
            $target | Should -Not -Exist
            Set-Content -LiteralPath $target -Value 'kept'
            Export-FiberSqsReport -Path $Good -OutFile $target -Force -WhatIf | Should -BeNullOrEmpty
            Get-Content -Raw -LiteralPath $target | Should -Match '^kept'
            @(Get-ChildItem -LiteralPath $TestDrive -Filter '.whatif.html*' -Force).Count | Should -Be 0
        }

        It 'replaces a symbolic link planted at -OutFile instead of writing through it' {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'planted')
            $victim = Join-Path $folder 'victim.txt'
            Set-Content -LiteralPath $victim -Value 'do not overwrite'
            $link = Join-Path $folder 'debrief.html'
            New-Item -ItemType SymbolicLink -Path $link -Target $victim | Out-Null
            $r = Invoke-Report { Export-FiberSqsReport -Path $Good -OutFile $link }
            $r.Errors[0].FullyQualifiedErrorId | Should -Be "ReportAlreadyExists,$Command" -Because 'a link is a file that is there'
            Export-FiberSqsReport -Path $Good -OutFile $link -Force | Out-Null
            Get-Content -Raw -LiteralPath $victim | Should -Match '^do not overwrite'
            (Get-Item -LiteralPath $link).LinkType | Should -BeNullOrEmpty
            Get-Content -Raw -LiteralPath $link | Should -Match '^<!DOCTYPE html>'
            @(Get-ChildItem -LiteralPath $folder -Force).Name | Sort-Object | Should -Be @('debrief.html', 'victim.txt')
        }
    }

    Context "the dataset folder stays the module's own" {
        It 'lets New-FiberSqsDataset -Force replace a dataset that holds its debrief' {
            $folder = Join-Path $TestDrive 'renewed'
            New-FiberSqsDataset -OutputPath $folder -AppLogRows 2000 -Seed 1 | Export-FiberSqsReport | Out-Null
            Join-Path $folder 'debrief.html' | Should -Exist
            (New-FiberSqsDataset -OutputPath $folder -AppLogRows 2000 -Seed 2 -Force).Seed | Should -Be 2
            Join-Path $folder 'debrief.html' | Should -Not -Exist
        }
    }

    Context 'errors' {
        It 'gives <Id> for <Case>' -ForEach @(
            @{ Case = 'a folder that does not exist'; Id = 'DatasetNotFound'; Path = { Join-Path $TestDrive 'nowhere' } }
            @{ Case = 'a file'; Id = 'NotADataset'; Path = { Join-Path $Good 'ground_truth.json' } }
            @{ Case = 'a path on another provider'; Id = 'ProviderNotFileSystem'; Path = { 'Env:\FIBERSQS_NOT_A_FOLDER' } }
        ) {
            $path = & $Path
            $r = Invoke-Report { Export-FiberSqsReport -Path $path }
            $r.Output | Should -BeNullOrEmpty
            $r.Errors[0].FullyQualifiedErrorId | Should -Be "$Id,$Command"
        }

        It 'gives ReportWriteFailed for an -OutFile in a folder that does not exist, or that is a folder' {
            $r = Invoke-Report { Export-FiberSqsReport -Path $Good -OutFile (Join-Path $TestDrive 'no/such/folder.html') }
            $r.Errors[0].FullyQualifiedErrorId | Should -Be "ReportWriteFailed,$Command"
            $r.Errors[0].CategoryInfo.Category | Should -Be 'WriteError'
            $r = Invoke-Report { Export-FiberSqsReport -Path $Good -OutFile $TestDrive }
            $r.Errors[0].FullyQualifiedErrorId | Should -Be "ReportWriteFailed,$Command"
        }

        It 'gives DatasetIncomplete for a charted CSV cut short, and writes nothing' {
            # A copy whose CSVs are links to the good ones, but for the one cut in half.
            $copy = Join-Path $TestDrive 'cut'
            New-Item -ItemType Directory -Path (Join-Path $copy 'data') | Out-Null
            Copy-Item -LiteralPath (Join-Path $Good 'ground_truth.json') -Destination $copy
            foreach ($file in Get-ChildItem -LiteralPath (Join-Path $Good 'data')) {
                New-Item -ItemType SymbolicLink -Path (Join-Path $copy "data/$($file.Name)") -Target $file.FullName | Out-Null
            }
            $csv = Join-Path $copy 'data/clickhouse-infra_host_metrics.csv'
            Remove-Item -LiteralPath $csv
            Copy-Item -LiteralPath (Join-Path $Good 'data/clickhouse-infra_host_metrics.csv') -Destination $csv
            $stream = [IO.File]::Open($csv, 'Open')
            try { $stream.SetLength([long] ($stream.Length / 2)) } finally { $stream.Dispose() }
            $r = Invoke-Report { Export-FiberSqsReport -Path $copy }
            $r.Errors[0].FullyQualifiedErrorId | Should -Be "DatasetIncomplete,$Command"
            $r.Errors[0].Exception.Message | Should -Match 'infra_host_metrics'
            Join-Path $copy 'debrief.html' | Should -Not -Exist
        }
    }

    Context '-Score' {
        It 'shows every team, best first, from -Score objects and hashtables (names encoded)' {
            $file = Export-FiberSqsReport -Path $Good -OutFile (Join-Path $TestDrive 'scores.html') -Score $Teams
            $html = Get-Content -Raw -LiteralPath $file.FullName
            $html | Should -Match '<section id="scores">'
            $html | Should -Match '2 teams; mean 58%, median 58%\.'
            $html.IndexOf('<td>Red</td>') | Should -BeLessThan $html.IndexOf('<td>Blue &lt;i&gt;</td>')
            $html | Should -Match '<td>Component</td><td class="num">58%</td><td class="num">2</td>'
        }

        It 'takes the scores from the pipeline and writes the report once, at the end' {
            $target = Join-Path $TestDrive 'piped-scores.html'
            $files = @($Teams | Export-FiberSqsReport -Path $Good -OutFile $target)
            $files.Count | Should -Be 1
            Get-Content -Raw -LiteralPath $target | Should -Match '2 teams;'
        }

        It 'gives ScoreInvalid for an object without Team or a numeric Score, and still shows the others' {
            $target = Join-Path $TestDrive 'bad-score.html'
            $r = Invoke-Report { @($Teams[0], [pscustomobject]@{ Name = 'no team' }, @{ Team = 'Gold'; Score = 'lots' }) | Export-FiberSqsReport -Path $Good -OutFile $target }
            $r.Errors.Count | Should -Be 2
            $r.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be "ScoreInvalid,$Command" }
            $r.Errors[1].Exception.Message | Should -Match "team 'Gold': its Score 'lots' is not a number"
            $r.Output.Count | Should -Be 1
            $html = Get-Content -Raw -LiteralPath $target
            $html | Should -Match '1 team;'
            $html | Should -Not -Match 'Gold'
        }
    }
}

Describe 'Export-FiberSqsReport in a real browser' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ChromiumTestBrowser.ps1')
        $script:Browser = Install-ChromiumForTests
        if ($Browser.Path) {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'browser')
            $page = Export-FiberSqsReport -Path $Good -OutFile (Join-Path $folder 'debrief.html') -Score $Teams
            $url = [System.Uri]::new($page.FullName).AbsoluteUri
            $script:Dom = Invoke-Chromium $Browser.Path -Arguments @('--dump-dom', $url) -ProfileFolder (Join-Path $folder 'profile-dom')
            $script:Png = Join-Path $folder 'debrief.png'
            $script:Shot = Invoke-Chromium $Browser.Path -Arguments @('--hide-scrollbars', '--window-size=1100,5600', "--screenshot=$Png", $url) -ProfileFolder (Join-Path $folder 'profile-shot')
        }

        # The <figure> elements of the dumped page: id, the series it lists (names and colours) and its markup.
        function Get-Figure([string] $Html) {
            foreach ($m in [regex]::Matches($Html, '(?s)<figure id="([^"]+)" data-series="([^"]*)" data-colors="([^"]*)">(.*?)</figure>')) {
                [pscustomobject]@{
                    Id = $m.Groups[1].Value
                    Names = @([System.Net.WebUtility]::HtmlDecode($m.Groups[2].Value) -split '\|')
                    Colors = @($m.Groups[3].Value -split '\|')
                    Texts = @([regex]::Matches($m.Groups[4].Value, '<text[^>]*>([^<]*)</text>') | ForEach-Object { [System.Net.WebUtility]::HtmlDecode($_.Groups[1].Value) })
                    Shapes = @([regex]::Matches($m.Groups[4].Value, '<(polyline|polygon) points="([^"]*)" style="([^"]*)"') | ForEach-Object {
                            [pscustomobject]@{ Style = $_.Groups[3].Value; Points = @($_.Groups[2].Value.Trim() -split '\s+').Count } }) +
                        @([regex]::Matches($m.Groups[4].Value, '<rect [^>]*style="([^"]*)"') | ForEach-Object { [pscustomobject]@{ Style = $_.Groups[1].Value; Points = 4 } })
                }
            }
        }
    }

    It 'loads the page with the network cut off' {
        if (-not $Browser.Path) { Set-ItResult -Skipped -Because $Browser.Reason; return }
        $Dom.ExitCode | Should -Be 0
        $Dom.Output | Should -Match '<h1>Debrief: classic</h1>'
        $Dom.Output | Should -Match '</footer>\s*</body></html>'
        $Dom.Output | Should -Not -Match '<script'
    }

    It 'draws every chart: each series named in its SVG and drawn in its colour' {
        if (-not $Browser.Path) { Set-ItResult -Skipped -Because $Browser.Reason; return }
        $figures = @(Get-Figure $Dom.Output)
        $figures.Id | Should -Be @('timeline', 'latency-p95', 'timeout-rate', 'component', 'cpu', 'support-calls')
        foreach ($f in $figures) {
            $f.Names.Count | Should -Be $f.Colors.Count
            for ($i = 0; $i -lt $f.Names.Count; $i++) {
                $f.Texts | Should -Contain $f.Names[$i] -Because "chart $($f.Id) names its series"
                @($f.Shapes | Where-Object { $_.Style -like "*$($f.Colors[$i])*" -and $_.Points -ge 3 }).Count |
                    Should -BeGreaterThan 0 -Because "chart $($f.Id) draws '$($f.Names[$i])' in $($f.Colors[$i])"
            }
        }
        # What the dataset says each chart must show, independently of what the page lists.
        ($figures | Where-Object Id -eq 'latency-p95').Names | Should -Be @('east', 'west', 'central', 'north', 'south')
        ($figures | Where-Object Id -eq 'cpu').Names | Should -Be @('east', 'west', 'central', 'north', 'south')
        ($figures | Where-Object Id -eq 'component').Names | Should -Contain 'CKT-CEN-EAS-003 hourly peak'
        ($figures | Where-Object Id -eq 'timeline').Names | Should -Contain 'central_cpu_spike'
        ($figures | Where-Object Id -eq 'timeline').Names | Should -Contain 'west_deployment_blip'
    }

    It 'paints a screenshot that is not blank: the incident red and the region colours are on it' {
        if (-not $Browser.Path) { Set-ItResult -Skipped -Because $Browser.Reason; return }
        $Shot.ExitCode | Should -Be 0
        $Png | Should -Exist
        $image = Read-PngImage $Png
        $image.Width | Should -Be 1100
        $image.DistinctColours() | Should -BeGreaterThan 100 -Because 'a drawn page has text, lines and shading, not one colour'
        ($image.Pixels.Length - $image.CountOf(0xFFFFFF)) / $image.Pixels.Length | Should -BeGreaterThan 0.05
        $image.CountOf(0xD62728) | Should -BeGreaterThan 1000 -Because 'the incident window is a solid red bar on the timeline'
        $image.CountOf(0x2CA02C) | Should -BeGreaterThan 200 -Because "central's lines are drawn in green"
        $image.CountOf(0x1F77B4) | Should -BeGreaterThan 200 -Because "east's lines are drawn in blue"
    }
}
