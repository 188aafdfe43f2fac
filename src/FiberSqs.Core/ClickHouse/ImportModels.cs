using FiberSqs.Core.Validation;

namespace FiberSqs.Core.ClickHouse;

/// <summary>How request bodies are compressed.</summary>
public enum UploadCompression
{
    /// <summary>gzip for a remote server, none on loopback (where compressing costs more CPU than it saves).</summary>
    Auto,
    None,
    Gzip,
}

/// <summary>What an import does besides its inputs.</summary>
public sealed record ImportOptions
{
    public const string DefaultDatabase = "fibersqs_prod";

    /// <summary>Database of the tables and index-pattern views.</summary>
    public string Database { get; init; } = DefaultDatabase;

    public UploadCompression Compression { get; init; } = UploadCompression.Auto;

    /// <summary>Tables loaded at once; null for one per core, at least 2 and at most 4.</summary>
    public int? MaxParallelLoads { get; init; }

    /// <summary>A file at least twice this size loads as several concurrent INSERTs of whole-row slices (at most one per
    /// parallel load), so one big table keeps every server core parsing (an INSERT parses on one thread); 0 never slices.</summary>
    public long SliceBytes { get; init; } = DefaultSliceBytes;

    public const long DefaultSliceBytes = 48L << 20;

    /// <summary>Write postload_validation.json into the dataset folder.</summary>
    public bool WriteReport { get; init; } = true;

    /// <summary>Write the compatibility views (in <c>logs</c> or <c>default</c>) over this import's tables: null for the
    /// default, which is to write them only for <see cref="DefaultDatabase"/>, so that an import into another database
    /// never changes what they return.</summary>
    public bool? CompatibilityViews { get; init; }

    public bool WritesCompatibilityViews => CompatibilityViews ?? Database == DefaultDatabase;

    /// <summary>Longest wait for INSERTs that an interrupted import left running on the server (each one that makes no
    /// progress is killed); a table whose INSERT still runs after it is left for a later import to drop.</summary>
    public TimeSpan LeftoverWait { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>A step or the load's progress. <see cref="Table"/> is null for a step (<see cref="Message"/> says what);
/// for a table being loaded it carries that table's figures.</summary>
public sealed record ImportProgress(string Stage, string Message, int PercentComplete)
{
    public string? Table { get; init; }
    public long RowsSent { get; init; }
    public long ExpectedRows { get; init; }
    public long BytesSent { get; init; }
    public long TotalBytes { get; init; }
    public double RowsPerSecond { get; init; }

    /// <summary>True when the table's load finished.</summary>
    public bool Completed { get; init; }
}

/// <summary>One table as loaded.</summary>
public sealed record TableLoadResult(string Table, long ExpectedRows, long LoadedRows, long Bytes, TimeSpan Elapsed)
{
    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? LoadedRows / Elapsed.TotalSeconds : 0;

    public bool Matches => ExpectedRows == LoadedRows;
}

/// <summary>An object the import drops or creates, and why (for -WhatIf and -Verbose).</summary>
public sealed record PlannedAction(string Action, string ObjectName, string Reason)
{
    public override string ToString() => $"{Action} {ObjectName} ({Reason})";
}

/// <summary>What <see cref="ClickHouseImporter.RunAsync"/> did.</summary>
public sealed class ImportResult
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
