using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation;

/// <summary>Which typed columns may be empty. Only app_logs has sparse numeric columns (the dependency latency of
/// dependency calls, the end-to-end latency and HTTP status of final events); every other number, flag and
/// timestamp must be present.</summary>
internal sealed class ColumnRules
{
    private static readonly Dictionary<string, string[]> Sparse = new()
    {
        [TableCatalog.AppLogs.Name] = ["dependency_latency_ms", "end_to_end_latency_ms", "http_status"],
    };

    private readonly bool[] _mayBeEmpty;

    public ColumnRules(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sparse = Sparse.GetValueOrDefault(table.Name) ?? [];
        _mayBeEmpty = [.. table.Columns.Select(c => c.Kind == ColumnKind.Text || sparse.Contains(c.Name))];
    }

    public bool MayBeEmpty(int column) => _mayBeEmpty[column];
}
