using System.Text.Json;
using FiberSqs.Core.Files;
using FiberSqs.Core.Model;
using FiberSqs.Core.Safety;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// A dataset folder checked for import, before anything touches a server: ground_truth.json parses, every table
/// it lists (Tier 1, and Tier 2 when generated) has its CSV with the declared header. Throws
/// <see cref="DatasetIncompleteException"/> naming the missing or wrong file.
/// </summary>
public sealed class ImportDataset
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

    public static ImportDataset Open(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (File.Exists(root))
        {
            throw new DatasetIncompleteException($"'{root}' is a file; give the dataset folder (the one holding data/ and ground_truth.json).", root);
        }

        if (!Directory.Exists(root))
        {
            throw new DatasetIncompleteException($"The dataset folder '{root}' does not exist.", root);
        }

        var truthPath = DatasetLayout.GroundTruthPath(root);
        if (!File.Exists(truthPath))
        {
            throw new DatasetIncompleteException($"'{root}' has no {DatasetLayout.GroundTruthFile}: it is not a FiberSqs dataset folder, or an incomplete one.", truthPath);
        }

        GroundTruth truth;
        try
        {
            truth = GroundTruth.Load(truthPath);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new DatasetIncompleteException($"{truthPath} cannot be read as a ground truth: {UntrustedText.Escape(e.Message, 300)}", truthPath);
        }

        var counts = truth.Generation.RowCounts;
        if (counts.Count == 0 || !TableCatalog.Tier1.All(t => counts.ContainsKey(t.Name)))
        {
            throw new DatasetIncompleteException($"{truthPath} lacks generation.row_counts for the Tier 1 tables.", truthPath);
        }

        var files = new List<ImportFile>();
        foreach (var table in TableCatalog.All.Where(t => counts.ContainsKey(t.Name)))
        {
            var csv = DatasetLayout.CsvPath(root, table);
            if (!File.Exists(csv))
            {
                throw new DatasetIncompleteException($"{csv} is missing: ground_truth.json lists {counts[table.Name]:N0} rows of {table.Name}.", csv);
            }

            CheckHeader(table, csv);
            files.Add(new ImportFile(table, csv, new FileInfo(csv).Length, counts[table.Name]));
        }

        return new ImportDataset(Path.GetFullPath(root), truth, [.. files.OrderByDescending(f => f.Bytes)]);
    }

    /// <summary>Longest header line read: the longest real one (app_logs) is under 300 bytes.</summary>
    private const int MaxHeaderBytes = 64 << 10;

    private static void CheckHeader(TableSchema table, string csv)
    {
        string? header;
        try
        {
            header = BoundedFile.ReadFirstLine(csv, MaxHeaderBytes);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new DatasetIncompleteException(UntrustedText.Escape(e.Message, 300), csv);
        }

        var expected = string.Join(',', table.ColumnNames);
        if (header is null)
        {
            throw new DatasetIncompleteException($"{csv} is empty; it should start with the header '{expected}'.", csv);
        }

        if (header.TrimStart('\uFEFF') != expected)
        {
            throw new DatasetIncompleteException($"{csv} has the header '{Clip(header)}' instead of '{expected}'.", csv);
        }
    }

    private static string Clip(string s) => UntrustedText.Escape(s, 200);
}
