namespace FiberSqs.Core.Tables;

/// <summary>What a CSV column holds, which decides how it is written, validated and typed in ClickHouse.</summary>
internal enum ColumnKind
{
    /// <summary>Free text (may be empty).</summary>
    Text,
    /// <summary>An integer (no decimal point).</summary>
    WholeNumber,
    /// <summary>A decimal number written with a dot.</summary>
    RealNumber,
    /// <summary>true or false.</summary>
    Flag,
    /// <summary>UTC ISO 8601 with microseconds and Z: 2025-12-03T12:21:07.123456Z.</summary>
    TimestampMicros,
    /// <summary>UTC ISO 8601 in whole seconds and Z: 2025-12-03T12:21:07Z.</summary>
    TimestampSeconds,
}
