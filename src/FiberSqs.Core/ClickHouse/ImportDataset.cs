using FiberSqs.Core.Files;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// A dataset folder checked for import, before anything touches a server (<see cref="DatasetFolder"/>: the answer
/// key reads, and every table of its tiers has its CSV with the declared header), with the files to load.
/// </summary>
internal sealed class ImportDataset
{
    private ImportDataset(string root, GroundTruth truth, IReadOnlyList<ImportFile> files)
    {
        Root = root;
        GroundTruth = truth;
        Files = files;
    }

    public string Root { get; }
    public GroundTruth GroundTruth { get; }

    /// <summary>The files to load, largest first (so the longest load starts first).</summary>
    public IReadOnlyList<ImportFile> Files { get; }

    public bool HasTier2 => Files.Any(f => f.Table.Tier == 2);

    public long TotalBytes => Files.Sum(f => f.Bytes);

    public long TotalExpectedRows => Files.Sum(f => f.ExpectedRows);

    /// <summary>The days (YYYYMMDD) that ground_truth.json's time range claims, inside the dataset window (at most 7): for
    /// -WhatIf's list. The import itself creates per-day views for the days its loaded data has.</summary>
    public IReadOnlyList<int> WindowDays()
    {
        var styles = System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal;
        if (!DateTime.TryParse(GroundTruth.TimeRange?.Start, System.Globalization.CultureInfo.InvariantCulture, styles, out var start) ||
            !DateTime.TryParse(GroundTruth.TimeRange?.End, System.Globalization.CultureInfo.InvariantCulture, styles, out var end) || end <= start)
        {
            (start, end) = (Scenario.WindowStart, Scenario.WindowEnd);
        }

        return DaysBetween(start < Scenario.WindowStart ? Scenario.WindowStart : start, end > Scenario.WindowEnd ? Scenario.WindowEnd : end);
    }

    /// <summary>The days (YYYYMMDD) that [<paramref name="start"/>, <paramref name="end"/>) touches.</summary>
    public static IReadOnlyList<int> DaysBetween(DateTime start, DateTime end)
    {
        var days = new List<int>();
        for (var d = start.Date; d < end; d = d.AddDays(1))
        {
            days.Add((d.Year * 10000) + (d.Month * 100) + d.Day);
        }

        return days;
    }

    /// <summary>Opens the folder for import: <see cref="DatasetFolder.Open"/>, then every CSV present with its header
    /// (<see cref="DatasetFolder.RequireCsvs"/>). Throws <see cref="DatasetFolderException"/>.</summary>
    public static ImportDataset Open(string root) => From(DatasetFolder.Open(root));

    /// <summary>The import of an opened folder; its CSVs must all be there (checked here).</summary>
    public static ImportDataset From(DatasetFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.RequireCsvs();
        var files = folder.Tables.Select(t => new ImportFile(t, folder.CsvPath(t), new FileInfo(folder.CsvPath(t)).Length, folder.ExpectedRows(t)));
        return new ImportDataset(folder.Root, folder.GroundTruth, [.. files.OrderByDescending(f => f.Bytes)]);
    }
}
