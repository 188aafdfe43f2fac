namespace FiberSqs.Core.Tables;

/// <summary>One CSV column: its header name, its kind, and whether it may be empty although it is typed (an optional
/// number: app-log latencies and statuses that only some events carry). Text may always be empty.</summary>
internal sealed record ColumnSchema(string Name, ColumnKind Kind, bool Optional = false)
{
    public bool IsTimestamp => Kind is ColumnKind.TimestampMicros or ColumnKind.TimestampSeconds;

    /// <summary>True when an empty field is a valid value of this column.</summary>
    public bool MayBeEmpty => Kind == ColumnKind.Text || Optional;
}
