using FiberSqs.Core.Validation;

namespace FiberSqs.Core.ClickHouse;

/// <summary>What an import does besides its inputs.</summary>
internal sealed record ImportOptions
{
    public const string DefaultDatabase = "fibersqs_prod";

    /// <summary>Database of the tables and index-pattern views.</summary>
    public string Database { get; init; } = DefaultDatabase;

    public UploadCompression Compression { get; init; } = UploadCompression.Auto;

    /// <summary>Native blocks built on the client (the default), or the CSV text parsed by the server.</summary>
    public LoadFormat Format { get; init; } = LoadFormat.Native;

    /// <summary>Rows per Native block. Each block becomes a part on the server; 18.16 copies big blocks at a cost
    /// (memory it must fault in), so blocks of 64 Ki rows load fastest there (docs/performance.md).</summary>
    public int NativeBlockRows { get; init; } = DefaultNativeBlockRows;

    public const int DefaultNativeBlockRows = 65_536;

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
