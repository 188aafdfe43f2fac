# Dot-sourced by the benchmarks that read a full-size dataset: generates it once (not timed) in a work folder and
# reuses it while its answer key says it has the wanted size.

# New-FiberSqsDataset writes its CSVs with direct I/O, so they are not in the page cache afterwards: read them once,
# untimed, so that what a benchmark times (and its baseline) reads cached bytes, as the figures in docs/ say.
function Initialize-FiberSqsBenchCache([string] $Out) {
    & sh -c "cat '$Out'/data/*.csv > /dev/null"
    if ($LASTEXITCODE -ne 0) { throw "Reading the CSVs of $Out failed ($LASTEXITCODE)." }
}

function Get-FiberSqsBenchDataset([string] $Repo, [string] $Module, [string] $Out, [long] $AppLogRows) {
    $truthPath = Join-Path $Out 'ground_truth.json'
    $reuse = (Test-Path $truthPath) -and
        ((Get-Content -Raw $truthPath | ConvertFrom-Json).generation.parameters.app_log_rows -eq $AppLogRows)
    if (-not $reuse) {
        Write-Host "Generating the dataset ($AppLogRows app-log rows, Tier 2) in $Out (not timed)..."
        Push-Location $Repo
        try {
            & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$Module'; `$null = New-FiberSqsDataset -OutputPath '$Out' -AppLogRows $AppLogRows -EnableTier2 -Force"
            if ($LASTEXITCODE -ne 0) { throw "Generation failed ($LASTEXITCODE)." }
        } finally { Pop-Location }
    }

    Initialize-FiberSqsBenchCache $Out

    $truth = Get-Content -Raw $truthPath | ConvertFrom-Json
    [pscustomobject]@{
        Path  = $Out
        Bytes = (Get-ChildItem (Join-Path $Out 'data') -File | Measure-Object Length -Sum).Sum
        Rows  = ($truth.generation.row_counts.PSObject.Properties.Value | Measure-Object -Sum).Sum
    }
}
