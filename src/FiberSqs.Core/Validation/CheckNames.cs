namespace FiberSqs.Core.Validation;

/// <summary>The stable names of the dataset checks (docs/validation.md), as they appear in validation_summary.json.</summary>
internal static class CheckNames
{
    public const string FilesPresent = "files_present";
    public const string RowCounts = "row_counts";
    public const string AppLogRowTarget = "app_log_row_target";
    public const string TimestampsInWindow = "timestamps_in_window";
    public const string AppLogTransactions = "app_log_transactions";
    public const string SpanTransactions = "span_transactions";
    public const string SpanParents = "span_parents";
    public const string TxnFactsAgree = "txn_facts_agree";
    public const string TsoClassification = "tso_classification";
    public const string TsoDefectBands = "tso_defect_bands";
    public const string HostsJoin = "hosts_join";
    public const string IncidentImpactedTransactions = "incident_impacted_transactions";
    public const string IncidentPrimaryCircuit = "incident_primary_circuit";
    public const string IncidentOtherCircuits = "incident_other_circuits";

    /// <summary>An incident that is not a circuit's, on its own component: the saturated hosts' CPU, the regressed
    /// region's network errors, or every caller's calls to the failing dependency (instead of incident_primary_circuit).</summary>
    public const string IncidentComponent = "incident_component";
    public const string ConfounderWindows = "confounder_windows";
    public const string ConfounderPrimaryCircuitDuringCpuSpike = "confounder_primary_circuit_during_cpu_spike";
    public const string ConfounderCpuSpikeCentralOnly = "confounder_cpu_spike_central_only";
    public const string ConfounderBlipWestOnly = "confounder_blip_west_only";

    /// <summary>A network or dependency red herring: its region's circuits, or the calls into its region, are slower in
    /// its window and nothing else is (not applicable when the scenario has neither).</summary>
    public const string ConfounderCallsConfined = "confounder_calls_confined";
    public const string AppLogRowOrder = "app_log_row_order";
    public const string AppLogDependencyFields = "app_log_dependency_fields";
    public const string TimeoutDurations = "timeout_durations";
    public const string PrimaryCircuitAfterFix = "primary_circuit_after_fix";
    public const string ConfounderImpactBelowIncident = "confounder_impact_below_incident";

    /// <summary>The parse check of one table's CSV: <c>csv_app_logs</c>, ...</summary>
    public static string Csv(string table) => "csv_" + table;
}
