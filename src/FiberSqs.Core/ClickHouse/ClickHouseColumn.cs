using FiberSqs.Core.Tables;

namespace FiberSqs.Core.ClickHouse;

/// <summary>One column of a ClickHouse table: name and type, and for a typed query column the CSV column it is
/// computed from and how (its DEFAULT expression for a CSV load, the client's computation for the fast load).</summary>
internal sealed record ClickHouseColumn(string Name, string Type, string? Source = null, TypedConversion Conversion = default)
{
    /// <summary>True for a column the CSV carries (false for <c>ts</c> and the other typed columns).</summary>
    public bool FromCsv => Source is null;

    /// <summary>The DEFAULT expression of a typed column (null for a CSV column).</summary>
    public string? DefaultExpression => Source is null ? null : Conversion switch
    {
        TypedConversion.DateTimeSeconds => $"parseDateTimeBestEffort({Source})",
        TypedConversion.DateTime64Micros => $"parseDateTime64BestEffort({Source}, 6, 'UTC')",
        TypedConversion.Float64OrZero => $"toFloat64OrZero({Source})",
        _ => throw new InvalidOperationException($"Unknown conversion {Conversion}."),
    };

    public string Definition => DefaultExpression is null ? $"`{Name}` {Type}" : $"`{Name}` {Type} DEFAULT {DefaultExpression}";
}
