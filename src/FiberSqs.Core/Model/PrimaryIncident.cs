using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

public sealed class PrimaryIncident
{
    [JsonPropertyName("root_cause_type")] public string RootCauseType { get; set; } = "network";
    [JsonPropertyName("circuit_id")] public string CircuitId { get; set; } = Scenario.PrimaryCircuitId;
    [JsonPropertyName("src_region")] public string SrcRegion { get; set; } = Scenario.PrimarySourceRegion;
    [JsonPropertyName("dst_region")] public string DstRegion { get; set; } = Scenario.PrimaryDestinationRegion;
    [JsonPropertyName("start")] public string Start { get; set; } = "";
    [JsonPropertyName("end")] public string End { get; set; } = "";
    [JsonPropertyName("fix_time")] public string FixTime { get; set; } = "";
    [JsonPropertyName("affected_transaction_types")] public List<string> AffectedTransactionTypes { get; set; } = [];

    /// <summary>The healthy circuit of the same region pair that the impacted flows use from the fix time on.</summary>
    [JsonPropertyName("reroute_circuit_id")] public string RerouteCircuitId { get; set; } = "";
    [JsonPropertyName("bursts")] public List<Burst> Bursts { get; set; } = [];

    /// <summary>Figures measured on the written circuit metrics (not a declared range).</summary>
    [JsonPropertyName("observed")] public IncidentObservations Observed { get; set; } = new();
}
