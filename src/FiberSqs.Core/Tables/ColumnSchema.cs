namespace FiberSqs.Core.Tables;

/// <summary>One CSV column: its header name and kind.</summary>
public sealed record ColumnSchema(string Name, ColumnKind Kind)
{
    public bool IsTimestamp => Kind is ColumnKind.TimestampMicros or ColumnKind.TimestampSeconds;
}
