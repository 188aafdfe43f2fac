using static FiberSqs.Core.Tables.ColumnKind;

namespace FiberSqs.Core.Tables;

/// <summary>The eight tables (docs/data-contract.md), columns in file order. The one source of truth for the writers
/// (their row writer checks every row's field count against it), the validator and the ClickHouse DDL.</summary>
internal static class TableCatalog
{
    private static ColumnSchema C(string name, ColumnKind kind) => new(name, kind);

    /// <summary>A typed column that only some rows fill.</summary>
    private static ColumnSchema Optional(string name, ColumnKind kind) => new(name, kind, Optional: true);

    public static readonly TableSchema AppLogs = new("app_logs", 1, "timestamp",
        C("timestamp", TimestampMicros), C("region", Text), C("cluster", Text), C("service", Text), C("host", Text),
        C("level", Text), C("transaction_id", Text), C("trace_id", Text), C("span_id", Text), C("customer_id", Text),
        C("transaction_type", Text), C("event", Text), C("dependency_region", Text), C("dependency_service", Text),
        Optional("dependency_latency_ms", WholeNumber), Optional("end_to_end_latency_ms", RealNumber), Optional("http_status", WholeNumber),
        C("error_code", Text), C("circuit_id", Text), C("message", Text));

    public static readonly TableSchema TraceSpans = new("trace_spans", 1, "timestamp",
        C("timestamp", TimestampMicros), C("trace_id", Text), C("span_id", Text), C("parent_span_id", Text),
        C("transaction_id", Text), C("region", Text), C("service", Text), C("operation", Text),
        C("duration_ms", RealNumber), C("status", Text), C("circuit_id", Text));

    public static readonly TableSchema NetworkCircuitMetrics = new("network_circuit_metrics", 1, "timestamp",
        C("timestamp", TimestampSeconds), C("src_region", Text), C("dst_region", Text), C("circuit_id", Text),
        C("rtt_ms", RealNumber), C("packet_loss_pct", RealNumber), C("retransmits_per_s", RealNumber), C("throughput_mbps", RealNumber));

    public static readonly TableSchema InfraHostMetrics = new("infra_host_metrics", 1, "timestamp",
        C("timestamp", TimestampSeconds), C("region", Text), C("host", Text), C("cpu_pct", RealNumber), C("mem_pct", RealNumber),
        C("disk_io_util_pct", RealNumber), C("net_errs_per_s", RealNumber));

    public static readonly TableSchema TsoCalls = new("tso_calls", 1, "timestamp",
        C("call_id", Text), C("timestamp", TimestampSeconds), C("customer_id", Text), C("customer_region", Text),
        C("issue_category", Text), C("issue_description", Text), C("service_type", Text), C("transaction_id", Text),
        C("resolution_time_minutes", WholeNumber), C("escalated", Flag), C("resolution_code", Text));

    public static readonly TableSchema ServiceMetrics = new("service_metrics", 2, "timestamp",
        C("timestamp", TimestampSeconds), C("region", Text), C("transaction_type", Text), C("request_rate", RealNumber),
        C("error_rate", RealNumber), C("p95_latency_ms", RealNumber), C("p99_latency_ms", RealNumber), C("saturation", RealNumber));

    public static readonly TableSchema NetworkEvents = new("network_events", 2, "timestamp",
        C("event_id", Text), C("timestamp", TimestampSeconds), C("event_type", Text), C("src_region", Text),
        C("dst_region", Text), C("circuit_id", Text), C("severity", Text), C("description", Text));

    public static readonly TableSchema TxnFacts = new("txn_facts", 2, "start_ts",
        C("transaction_id", Text), C("customer_id", Text), C("origin_region", Text), C("txn_type", Text),
        C("start_ts", TimestampMicros), C("end_ts", TimestampMicros), C("success", Flag), C("error_code", Text),
        C("end_to_end_latency_ms", RealNumber));

    public static readonly IReadOnlyList<TableSchema> Tier1 = [AppLogs, TraceSpans, NetworkCircuitMetrics, InfraHostMetrics, TsoCalls];

    public static readonly IReadOnlyList<TableSchema> Tier2 = [ServiceMetrics, NetworkEvents, TxnFacts];

    public static readonly IReadOnlyList<TableSchema> All = [.. Tier1, .. Tier2];

    /// <summary>The tables a dataset holds: Tier 1, plus Tier 2 when it was generated.</summary>
    public static IReadOnlyList<TableSchema> For(bool tier2) => tier2 ? All : Tier1;

    public static TableSchema Get(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"Unknown table '{name}'.", nameof(name));

    public static bool TryGet(string name, out TableSchema? table)
    {
        table = All.FirstOrDefault(t => t.Name == name);
        return table is not null;
    }
}
