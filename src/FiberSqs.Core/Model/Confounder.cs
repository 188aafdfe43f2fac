using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

public sealed class Confounder
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("start")] public string Start { get; set; } = "";
    [JsonPropertyName("end")] public string End { get; set; } = "";
    [JsonPropertyName("component")] public string Component { get; set; } = "";
    [JsonPropertyName("region")] public string Region { get; set; } = "";
    [JsonPropertyName("description")] public string Description { get; set; } = "";

    /// <summary>Its measured effect on its region's transactions (null in keys written before v3).</summary>
    [JsonPropertyName("observed")] public ConfounderObservations? Observed { get; set; }
}
