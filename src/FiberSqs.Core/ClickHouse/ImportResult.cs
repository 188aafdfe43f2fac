using FiberSqs.Core.Validation;

namespace FiberSqs.Core.ClickHouse;

/// <summary>What <c>ClickHouseImporter.RunAsync</c> did.</summary>
internal sealed class ImportResult
{
    public required string Url { get; init; }
    public required string ServerVersion { get; init; }
    public required string Database { get; init; }
    /// <summary>Where the compatibility views went (logs or default), or null when this import wrote none.</summary>
    public required string? CompatibilityDatabase { get; init; }
    public required string DatasetPath { get; init; }
    public required IReadOnlyList<TableLoadResult> Tables { get; init; }

    /// <summary>Every view created, as database.name.</summary>
    public required IReadOnlyList<string> Views { get; init; }

    public required ValidationReport Validation { get; init; }

    /// <summary>postload_validation.json, or null when not written.</summary>
    public string? ReportPath { get; internal set; }

    /// <summary>Why postload_validation.json was not written though asked for (a read-only dataset folder), or null.</summary>
    public string? ReportProblem { get; internal set; }

    public bool Compressed { get; init; }

    /// <summary>Time spent streaming the CSVs (all tables, in parallel).</summary>
    public TimeSpan LoadElapsed { get; init; }

    /// <summary>The whole import, connection to report.</summary>
    public TimeSpan Elapsed { get; init; }

    public long TotalRows => Tables.Sum(t => t.LoadedRows);
    public long TotalBytes => Tables.Sum(t => t.Bytes);

    /// <summary>Rows per second of the load.</summary>
    public double RowsPerSecond => LoadElapsed.TotalSeconds > 0 ? TotalRows / LoadElapsed.TotalSeconds : 0;

    /// <summary>CSV megabytes (10^6) per second of the load.</summary>
    public double MegabytesPerSecond => LoadElapsed.TotalSeconds > 0 ? TotalBytes / 1e6 / LoadElapsed.TotalSeconds : 0;
}
