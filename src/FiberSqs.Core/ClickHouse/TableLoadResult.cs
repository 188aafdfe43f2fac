using FiberSqs.Core.Validation;

namespace FiberSqs.Core.ClickHouse;

/// <summary>One table as loaded.</summary>
public sealed record TableLoadResult(string Table, long ExpectedRows, long LoadedRows, long Bytes, TimeSpan Elapsed)
{
    /// <summary>How the rows went: Native blocks built by the client, or CSV parsed by the server.</summary>
    public LoadFormat Format { get; init; } = LoadFormat.Csv;

    public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? LoadedRows / Elapsed.TotalSeconds : 0;

    public bool Matches => ExpectedRows == LoadedRows;
}
