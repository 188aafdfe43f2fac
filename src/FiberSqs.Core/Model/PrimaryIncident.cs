using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

/// <summary>
/// The incident in the answer key. The original's keys for every kind; what a kind other than the circuit needs sits
/// beside them (absent for a circuit, so the classic's key keeps the original's form). By kind (scenario.incident_kind,
/// absent for the classic: network_circuit_degradation):
/// network_circuit_degradation: circuit_id between src_region and dst_region, reroute_circuit_id;
/// host_saturation: hosts (all in src_region);
/// dependency_outage: service (the failing dependency) in dst_region, src_region its heaviest callers;
/// deployment_regression: service (the released one) in src_region.
/// </summary>
public sealed class PrimaryIncident
{
    /// <summary><c>network</c>, <c>infra</c> (host_saturation), <c>dependency</c> or <c>app</c> (deployment_regression).</summary>
    [JsonPropertyName("root_cause_type")] public string RootCauseType { get; set; } = "network";

    /// <summary>The failing circuit (network_circuit_degradation only; null otherwise).</summary>
    [JsonPropertyName("circuit_id")] public string? CircuitId { get; set; }
    [JsonPropertyName("src_region")] public string SrcRegion { get; set; } = Scenario.PrimarySourceRegion;
    [JsonPropertyName("dst_region")] public string DstRegion { get; set; } = Scenario.PrimaryDestinationRegion;
    [JsonPropertyName("start")] public string Start { get; set; } = "";
    [JsonPropertyName("end")] public string End { get; set; } = "";
    [JsonPropertyName("fix_time")] public string FixTime { get; set; } = "";
    [JsonPropertyName("affected_transaction_types")] public List<string> AffectedTransactionTypes { get; set; } = [];

    /// <summary>The healthy circuit of the same region pair that the impacted flows use from the fix time on.</summary>
    [JsonPropertyName("reroute_circuit_id")] public string? RerouteCircuitId { get; set; }

    /// <summary>host_saturation: the saturated hosts, all in <see cref="SrcRegion"/>.</summary>
    [JsonPropertyName("hosts")] public List<string>? Hosts { get; set; }

    /// <summary>dependency_outage: the failing dependency service (in <see cref="DstRegion"/>); deployment_regression:
    /// the released service (in <see cref="SrcRegion"/>).</summary>
    [JsonPropertyName("service")] public string? Service { get; set; }
    [JsonPropertyName("bursts")] public List<Burst> Bursts { get; set; } = [];

    /// <summary>Figures measured on the written circuit metrics (not a declared range).</summary>
    [JsonPropertyName("observed")] public IncidentObservations Observed { get; set; } = new();
}
