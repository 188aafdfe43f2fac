using System.Text.Json;
using FiberSqs.Core.Model;
using FiberSqs.Core.Safety;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Files;

/// <summary>
/// A dataset folder, opened once for whoever reads it (the validator, the importer): the folder exists and is one,
/// its answer key reads (bounded) and holds what the data is checked against, and the tables it lists. The CSVs
/// themselves are the validator's to judge (a missing one is a failed check); <see cref="RequireCsvs"/> is for the
/// importer, which needs every one of them present with its header before it touches a server.
/// </summary>
internal sealed class DatasetFolder
{
    /// <summary>Longest header line read: the longest real one (app_logs) is under 300 bytes.</summary>
    private const int MaxHeaderBytes = 64 << 10;

    private DatasetFolder(string root, GroundTruth truth)
    {
        Root = root;
        GroundTruth = truth;
        var counts = truth.Generation.RowCounts;
        var tier2 = truth.Generation.Parameters.EnableTier2 || TableCatalog.Tier2.Any(t => counts.ContainsKey(t.Name));
        Tables = TableCatalog.For(tier2);
    }

    /// <summary>The folder, as a full path.</summary>
    public string Root { get; }

    public GroundTruth GroundTruth { get; }

    /// <summary>The tables of the dataset's tiers (Tier 1, and Tier 2 when generated).</summary>
    public IReadOnlyList<TableSchema> Tables { get; }

    public bool HasTier2 => Tables.Any(t => t.Tier == 2);

    public string CsvPath(TableSchema table) => DatasetLayout.CsvPath(Root, table);

    /// <summary>The rows ground_truth.json lists for the table (0 when it lists none).</summary>
    public long ExpectedRows(TableSchema table) => GroundTruth.Generation.RowCounts.GetValueOrDefault(table.Name);

    /// <summary>Opens <paramref name="path"/>. Throws <see cref="DatasetFolderException"/> (NotFound, NotADataset,
    /// GroundTruthUnreadable) when it cannot be a dataset.</summary>
    public static DatasetFolder Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var root = System.IO.Path.GetFullPath(path);
        if (File.Exists(root))
        {
            throw new DatasetFolderException(DatasetProblem.NotADataset, root,
                $"'{root}' is a file; a dataset is a folder holding {DatasetLayout.GroundTruthFile} and {DatasetLayout.DataFolder}/.");
        }

        if (!Directory.Exists(root))
        {
            throw new DatasetFolderException(DatasetProblem.NotFound, root, $"The dataset folder '{root}' does not exist.");
        }

        var truthPath = DatasetLayout.GroundTruthPath(root);
        if (!File.Exists(truthPath))
        {
            if (!Directory.Exists(DatasetLayout.DataPath(root)))
            {
                throw new DatasetFolderException(DatasetProblem.NotADataset, root,
                    $"'{root}' is not a FiberSqs dataset: it has neither {DatasetLayout.GroundTruthFile} nor {DatasetLayout.DataFolder}/.");
            }

            throw new DatasetFolderException(DatasetProblem.GroundTruthUnreadable, truthPath,
                $"'{root}' has no {DatasetLayout.GroundTruthFile}, the answer key the data is checked against.");
        }

        GroundTruth truth;
        try
        {
            truth = GroundTruth.Load(truthPath);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new DatasetFolderException(DatasetProblem.GroundTruthUnreadable, truthPath,
                $"{DatasetLayout.GroundTruthFile} cannot be read: {UntrustedText.Escape(e.Message, 300)}", e);
        }

        if (truth.Generation?.RowCounts is null || truth.Generation.Parameters is null || truth.TsoNoise?.CallDetails is null
            || truth.PrimaryIncident?.Bursts is null || truth.Confounders is null || truth.TimeRange is null
            || !TableCatalog.Tier1.All(t => truth.Generation.RowCounts.ContainsKey(t.Name)))
        {
            throw new DatasetFolderException(DatasetProblem.GroundTruthUnreadable, truthPath,
                $"{DatasetLayout.GroundTruthFile} lacks generation.row_counts (of every Tier 1 table), generation.parameters, " +
                "tso_noise.call_details, primary_incident.bursts, confounders or time_range.");
        }

        return new DatasetFolder(root, truth);
    }

    /// <summary>Every CSV of the dataset's tables is there and starts with its declared header (read with a bound);
    /// else <see cref="DatasetFolderException"/> (Incomplete) naming the file.</summary>
    public void RequireCsvs() => RequireCsvsOf(Tables);

    /// <summary>As <see cref="RequireCsvs"/>, for the tables a reader needs (the report reads four of them).</summary>
    public void RequireCsvsOf(IEnumerable<TableSchema> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        foreach (var table in tables)
        {
            var csv = CsvPath(table);
            if (!File.Exists(csv))
            {
                throw new DatasetFolderException(DatasetProblem.Incomplete, csv,
                    $"{csv} is missing: {DatasetLayout.GroundTruthFile} lists {ExpectedRows(table):N0} rows of {table.Name}.");
            }

            string? header;
            try
            {
                header = BoundedFile.ReadFirstLine(csv, MaxHeaderBytes);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                throw new DatasetFolderException(DatasetProblem.Incomplete, csv, UntrustedText.Escape(e.Message, 300), e);
            }

            var expected = string.Join(',', table.ColumnNames);
            if (header is null)
            {
                throw new DatasetFolderException(DatasetProblem.Incomplete, csv, $"{csv} is empty; it should start with the header '{expected}'.");
            }

            if (header.TrimStart('\uFEFF') != expected)
            {
                throw new DatasetFolderException(DatasetProblem.Incomplete, csv,
                    $"{csv} has the header '{UntrustedText.Escape(header, 200)}' instead of '{expected}'.");
            }
        }
    }
}
