using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

/// <summary>Which scenario a dataset tells, in its answer key (absent for the classic, whose key keeps the original's
/// form): its name, variant number, difficulty and the kind of each planted disturbance. The places and windows are
/// in primary_incident and confounders, as for the classic.</summary>
public sealed class ScenarioRecord
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("variant")] public int? Variant { get; set; }
    [JsonPropertyName("difficulty")] public string Difficulty { get; set; } = "";
    [JsonPropertyName("incident_kind")] public string IncidentKind { get; set; } = "";

    /// <summary>Confounder name → kind (host_saturation, deployment_regression), in the confounders' order.</summary>
    [JsonPropertyName("confounder_kinds")] public Dictionary<string, string> ConfounderKinds { get; set; } = [];
}
