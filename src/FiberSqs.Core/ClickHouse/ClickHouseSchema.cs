using FiberSqs.Core.Tables;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// How each table of <see cref="TableCatalog"/> is typed in ClickHouse (docs/clickhouse.md): the CSV's columns in file
/// order, then typed query columns. The typed columns are DEFAULT (not MATERIALIZED) columns, so <c>SELECT *</c>
/// and views see them. Text stays String (LowCardinality where the server has it and the values repeat), the
/// CSV's timestamps stay as their ISO text, the true/false flags stay text as in the original (<c>success</c>,
/// <c>escalated</c>), numbers become Float64/Int64, except app-log numbers that are
/// empty on most rows, which stay text as in the original (their typed twin is <c>end_to_end_latency_ms_f64</c>).
/// <c>app_logs.customer_id</c> is Nullable so that a LEFT JOIN that finds no log row yields NULL: that is what
/// lets the README's confusion-matrix query count false positives.
/// </summary>
internal static class ClickHouseSchema
{
    /// <summary>Nullable text columns (see the class remarks).</summary>
    private static readonly HashSet<(string Table, string Column)> NullableText = [("app_logs", "customer_id")];

    /// <summary>Text columns with a few hundred distinct values at most.</summary>
    private static readonly HashSet<string> LowCardinalityNames =
    [
        "region", "cluster", "service", "host", "level", "transaction_type", "event", "dependency_region",
        "dependency_service", "error_code", "circuit_id", "src_region", "dst_region", "operation", "status",
        "customer_region", "issue_category", "issue_description", "service_type", "resolution_code", "event_type",
        "severity", "origin_region", "txn_type", "success", "escalated",
    ];

    /// <summary>Sort keys that suit the exercise's queries (region/type slices over time, circuits over time).</summary>
    private static readonly Dictionary<string, string[]> OrderKeys = new()
    {
        ["app_logs"] = ["region", "transaction_type", "event", "ts"],
        ["trace_spans"] = ["region", "service", "ts"],
        ["network_circuit_metrics"] = ["circuit_id", "ts"],
        ["infra_host_metrics"] = ["region", "host", "ts"],
        ["tso_calls"] = ["customer_region", "ts"],
        ["service_metrics"] = ["region", "transaction_type", "ts"],
        ["network_events"] = ["circuit_id", "ts"],
        ["txn_facts"] = ["origin_region", "txn_type", "ts"],
    };

    /// <summary>The table's columns as created on a server with <paramref name="dialect"/>.</summary>
    public static IReadOnlyList<ClickHouseColumn> Columns(TableSchema table, ClickHouseDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dialect);
        var columns = new List<ClickHouseColumn>();
        foreach (var c in table.Columns)
        {
            columns.Add(new ClickHouseColumn(c.Name, CsvColumnType(table, c, dialect)));
        }

        var micros = table.Columns[table.TimestampIndex].Kind == ColumnKind.TimestampMicros;
        if (table == TableCatalog.TxnFacts)
        {
            columns.Add(TimeColumn("start_dt", "start_ts", dialect, micros: true));
            columns.Add(TimeColumn("end_dt", "end_ts", dialect, micros: true));
        }

        columns.Add(TimeColumn("ts", table.TimestampColumn, dialect, micros));
        if (table == TableCatalog.AppLogs)
        {
            columns.Add(new ClickHouseColumn("end_to_end_latency_ms_f64", "Float64", "end_to_end_latency_ms", TypedConversion.Float64OrZero));
        }

        return columns;
    }

    /// <summary>The ORDER BY key of a table.</summary>
    public static IReadOnlyList<string> OrderKey(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return OrderKeys[table.Name];
    }

    /// <summary>The typed query columns (not in the CSV) of a table.</summary>
    public static IEnumerable<string> TypedColumns(TableSchema table, ClickHouseDialect dialect) =>
        Columns(table, dialect).Where(c => !c.FromCsv).Select(c => c.Name);

    private static string CsvColumnType(TableSchema table, ColumnSchema column, ClickHouseDialect dialect)
    {
        var key = (table.Name, column.Name);
        // Optional numbers (empty on most app-log rows) stay text as in the original; their typed twin is
        // end_to_end_latency_ms_f64.
        if (column.IsTimestamp || column.Optional)
        {
            return "String";
        }

        return column.Kind switch
        {
            ColumnKind.RealNumber => "Float64",
            ColumnKind.WholeNumber => "Int64",
            _ when NullableText.Contains(key) => "Nullable(String)",
            _ when dialect.HasLowCardinality && LowCardinalityNames.Contains(column.Name) => "LowCardinality(String)",
            _ => "String",
        };
    }

    /// <summary>A typed timestamp: microseconds (DateTime64(6)) where the server has them and the text carries them,
    /// else whole seconds (DateTime).</summary>
    private static ClickHouseColumn TimeColumn(string name, string source, ClickHouseDialect dialect, bool micros) =>
        dialect.HasDateTime64 && micros
            ? new ClickHouseColumn(name, "DateTime64(6, 'UTC')", source, TypedConversion.DateTime64Micros)
            : new ClickHouseColumn(name, "DateTime('UTC')", source, TypedConversion.DateTimeSeconds);
}
