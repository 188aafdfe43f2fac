using FiberSqs.Core.Tables;

namespace FiberSqs.Core.ClickHouse;

/// <summary>One column of a ClickHouse table: name, type, and for the typed query columns the DEFAULT
/// expression that fills them from the CSV's text at insert time.</summary>
internal sealed record ClickHouseColumn(string Name, string Type, string? DefaultExpression = null)
{
    /// <summary>True for a column the CSV carries (false for <c>ts</c> and the other typed columns).</summary>
    public bool FromCsv => DefaultExpression is null;

    public string Definition => DefaultExpression is null ? $"`{Name}` {Type}" : $"`{Name}` {Type} DEFAULT {DefaultExpression}";
}
