using FiberSqs.Core.ClickHouse;

namespace FiberSqs;

/// <summary>What Import-FiberSqsClickHouse returns: one object per dataset loaded.</summary>
public sealed class FiberSqsImportResult
{
    internal FiberSqsImportResult(ImportResult result)
    {
        Url = result.Url;
        ServerVersion = result.ServerVersion;
        Database = result.Database;
        CompatibilityDatabase = result.CompatibilityDatabase;
        Path = result.DatasetPath;
        Tables = result.Tables;
        RowsLoaded = result.TotalRows;
        RowsExpected = result.Tables.Sum(t => t.ExpectedRows);
        Views = result.Views;
        Validation = FiberSqsValidationResult.OfDatabase(result.DatasetPath, result.Validation);
        ReportPath = result.ReportPath;
        Elapsed = result.Elapsed;
        LoadElapsed = result.LoadElapsed;
        RowsPerSecond = Math.Round(result.RowsPerSecond);
        MegabytesPerSecond = Math.Round(result.MegabytesPerSecond, 1);
        Compressed = result.Compressed;
    }

    /// <summary>The server URL, sanitized (no user info, no query string).</summary>
    public string Url { get; }
    public string ServerVersion { get; }
    public string Database { get; }

    /// <summary>Where the compatibility views went (logs, or default), or null when this import wrote none (an import
    /// into a database other than fibersqs_prod, without -CompatibilityViews).</summary>
    public string? CompatibilityDatabase { get; }

    /// <summary>The dataset folder; binds to -Path of Test-FiberSqsDataset.</summary>
    public string Path { get; }

    /// <summary>Rows loaded vs expected (ground_truth.json), bytes, time and rows/s per table.</summary>
    public IReadOnlyList<TableLoadResult> Tables { get; }
    public long RowsLoaded { get; }
    public long RowsExpected { get; }

    /// <summary>Every view created, as database.name.</summary>
    public IReadOnlyList<string> Views { get; }
    public int ViewCount => Views.Count;

    /// <summary>The post-load checks, as the same result type New-FiberSqsDataset and Test-FiberSqsDataset give.</summary>
    public FiberSqsValidationResult Validation { get; }
    public bool Passed => Validation.Passed;

    /// <summary>postload_validation.json in the dataset folder, or null when it could not be written.</summary>
    public string? ReportPath { get; }

    /// <summary>The whole import: connection, load, swap, views and validation.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The CSV streaming alone (tables in parallel).</summary>
    public TimeSpan LoadElapsed { get; }
    public double RowsPerSecond { get; }
    public double MegabytesPerSecond { get; }

    /// <summary>True when request bodies were gzip-compressed (remote servers).</summary>
    public bool Compressed { get; }
}
