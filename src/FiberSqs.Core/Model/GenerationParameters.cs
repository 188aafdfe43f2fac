using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

/// <summary>The effective parameters and what they produced. The first five keys are the original's, with the values
/// the data really has (the original declared ranges its data did not meet).</summary>
public sealed class GenerationParameters
{
    /// <summary>Mean minutes from one burst's start to the next.</summary>
    [JsonPropertyName("incident_burst_interval_minutes")] public double IncidentBurstIntervalMinutes { get; set; }

    /// <summary>Shortest and longest burst, in minutes.</summary>
    [JsonPropertyName("incident_burst_duration_minutes")] public List<double> IncidentBurstDurationMinutes { get; set; } = [];

    /// <summary>Mean RTT of the primary circuit outside bursts.</summary>
    [JsonPropertyName("network_baseline_rtt_ms")] public double NetworkBaselineRttMs { get; set; }

    /// <summary>Lowest and highest RTT of the primary circuit in burst minutes.</summary>
    [JsonPropertyName("network_burst_rtt_range_ms")] public List<double> NetworkBurstRttRangeMs { get; set; } = [];

    /// <summary>Lowest and highest answered impacted dependency call ÷ its base latency.</summary>
    [JsonPropertyName("dependency_latency_multiplier")] public List<double> DependencyLatencyMultiplier { get; set; } = [];

    /// <summary>A local transaction still running this long after it was received times out (ORCH_TIMEOUT).</summary>
    [JsonPropertyName("orchestration_timeout_ms")] public double OrchestrationTimeoutMs { get; set; }

    /// <summary>A dependency call unanswered after this long is abandoned (DEP_TIMEOUT on the last attempt).</summary>
    [JsonPropertyName("dependency_timeout_ms")] public double DependencyTimeoutMs { get; set; }

    /// <summary>Share of transactions whose spans were kept (hard difficulty); absent when every one was.</summary>
    [JsonPropertyName("trace_sampling")] public double? TraceSampling { get; set; }

    /// <summary>Share of intermediate app-log rows lost (hard difficulty); absent when none were.</summary>
    [JsonPropertyName("log_loss")] public double? LogLoss { get; set; }

    [JsonPropertyName("app_log_rows")] public long AppLogRows { get; set; }
    [JsonPropertyName("scale_logs")] public double ScaleLogs { get; set; }
    [JsonPropertyName("app_log_rows_target")] public long AppLogRowsTarget { get; set; }
    [JsonPropertyName("app_log_rows_actual")] public long AppLogRowsActual { get; set; }
    [JsonPropertyName("enable_tier2")] public bool EnableTier2 { get; set; }
    [JsonPropertyName("zip")] public bool Zip { get; set; }
    [JsonPropertyName("transactions")] public long Transactions { get; set; }
    [JsonPropertyName("app_log_rows_per_transaction")] public double AppLogRowsPerTransaction { get; set; }
    [JsonPropertyName("burst_count")] public int BurstCount { get; set; }
    [JsonPropertyName("latency_p50_ms_outside_incidents")] public double LatencyP50MsOutsideIncidents { get; set; }
    [JsonPropertyName("latency_p99_ms_outside_incidents")] public double LatencyP99MsOutsideIncidents { get; set; }
    [JsonPropertyName("latency_p99_over_p50_outside_incidents")] public double LatencyTailRatio { get; set; }
    [JsonPropertyName("hosts_by_region")] public Dictionary<string, int> HostsByRegion { get; set; } = [];
    [JsonPropertyName("circuits")] public int Circuits { get; set; }
}
