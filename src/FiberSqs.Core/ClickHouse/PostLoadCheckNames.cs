namespace FiberSqs.Core.ClickHouse;

/// <summary>The stable names of the post-load checks (docs/clickhouse.md), as they appear in postload_validation.json
/// and in Test-FiberSqsDataset -Uri's result.</summary>
internal static class PostLoadCheckNames
{
    public const string AppLogRowsPerRegion = "postload_app_log_rows_per_region";
    public const string CircuitRttUplift = "postload_circuit_rtt_uplift";
    public const string FixTimeEffect = "postload_fix_time_effect";
    public const string ImpactedSliceRpm = "postload_impacted_slice_rpm";
    public const string RegionP95Multiplier = "postload_region_p95_multiplier";
    public const string RowCounts = "postload_row_counts";
    public const string TablesPresent = "postload_tables_present";
    public const string Tier2RowCounts = "postload_tier2_row_counts";
    public const string TimeRange = "postload_time_range";
    public const string TsoConfusionMatrix = "postload_tso_confusion_matrix";
    public const string Views = "postload_views";
}
