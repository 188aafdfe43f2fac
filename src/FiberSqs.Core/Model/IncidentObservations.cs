using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

/// <summary>What the data really shows about the incident, measured while writing it.</summary>
public sealed class IncidentObservations
{
    [JsonPropertyName("primary_rtt_baseline_ms")] public Stat PrimaryRttBaselineMs { get; set; } = new();
    [JsonPropertyName("primary_rtt_burst_ms")] public Stat PrimaryRttBurstMs { get; set; } = new();
    [JsonPropertyName("primary_rtt_uplift")] public double PrimaryRttUplift { get; set; }
    [JsonPropertyName("impacted_transactions")] public long ImpactedTransactions { get; set; }
    [JsonPropertyName("impacted_timeout_rate")] public double ImpactedTimeoutRate { get; set; }
    [JsonPropertyName("baseline_timeout_rate")] public double BaselineTimeoutRate { get; set; }
    [JsonPropertyName("impacted_dependency_latency_mean_ms")] public double ImpactedDependencyLatencyMeanMs { get; set; }
    [JsonPropertyName("baseline_dependency_latency_mean_ms")] public double BaselineDependencyLatencyMeanMs { get; set; }
}
