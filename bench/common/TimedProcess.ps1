# Shared by the bench scripts (dot-source it): runs one command under /usr/bin/time -v and returns its
# whole-process wall time and peak resident memory.

function Invoke-Timed {
    param(
        [Parameter(Mandatory)] [string[]] $Command,
        # Where /usr/bin/time writes its report.
        [Parameter(Mandatory)] [string] $WorkFolder
    )
    $log = Join-Path $WorkFolder 'time.txt'
    & /usr/bin/time -v -o $log @Command | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "Command failed ($LASTEXITCODE): $Command" }
    $text = Get-Content -Raw $log
    $wall = [regex]::Match($text, 'Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)')
    $seconds = [double]$wall.Groups[2].Value * 60 + [double]$wall.Groups[3].Value
    if ($wall.Groups[1].Success) { $seconds += [double]$wall.Groups[1].Value * 3600 }
    [pscustomobject]@{
        WallSeconds = $seconds
        PeakRssMiB  = [math]::Round([double][regex]::Match($text, 'Maximum resident set size \(kbytes\): (\d+)').Groups[1].Value / 1024, 1)
    }
}
