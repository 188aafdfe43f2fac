# Shared by the bench scripts (dot-source it): the median of a run's figures (the lower middle one of an even count).

function Get-Median([double[]] $Values) { $s = $Values | Sort-Object; $s[[int][math]::Floor(($s.Count - 1) / 2)] }
