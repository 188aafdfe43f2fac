using FiberSqs.Core.Validation;

namespace FiberSqs.Core.ClickHouse;

/// <summary>A step or the load's progress. <see cref="Table"/> is null for a step (<see cref="Message"/> says what);
/// for a table being loaded it carries that table's figures.</summary>
internal sealed record ImportProgress(string Stage, string Message, int PercentComplete)
{
    public string? Table { get; init; }
    public long RowsSent { get; init; }
    public long ExpectedRows { get; init; }
    public long BytesSent { get; init; }
    public long TotalBytes { get; init; }
    public double RowsPerSecond { get; init; }

    /// <summary>How the table's rows are sent.</summary>
    public LoadFormat Format { get; init; }

    /// <summary>True when the table's load finished.</summary>
    public bool Completed { get; init; }
}
