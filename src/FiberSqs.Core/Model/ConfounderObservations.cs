using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

/// <summary>A confounder's effect as the data shows it: its region's transactions that started inside its window
/// against those outside it (neither burst-impacted nor in another confounder).</summary>
public sealed class ConfounderObservations
{
    [JsonPropertyName("transactions_inside")] public long TransactionsInside { get; set; }
    [JsonPropertyName("timeout_rate_inside")] public double TimeoutRateInside { get; set; }
    [JsonPropertyName("timeout_rate_outside")] public double TimeoutRateOutside { get; set; }
    /// <summary>The median shows the slowdown itself; the p95 sits on the timeouts (3 s and 6 s) once they reach 5%.</summary>
    [JsonPropertyName("p50_latency_ms_inside")] public double P50LatencyMsInside { get; set; }
    [JsonPropertyName("p50_latency_ms_outside")] public double P50LatencyMsOutside { get; set; }
    [JsonPropertyName("p95_latency_ms_inside")] public double P95LatencyMsInside { get; set; }
    [JsonPropertyName("p95_latency_ms_outside")] public double P95LatencyMsOutside { get; set; }
    [JsonPropertyName("p95_latency_multiplier")] public double P95LatencyMultiplier { get; set; }

    /// <summary>Its timeout rate over the burst-impacted slice's: a red herring stays well below the incident (≤ 0.5).</summary>
    [JsonPropertyName("timeout_rate_vs_incident")] public double TimeoutRateVsIncident { get; set; }
}
