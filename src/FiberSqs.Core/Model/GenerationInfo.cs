using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

public sealed class GenerationInfo
{
    [JsonPropertyName("seed")] public long Seed { get; set; }
    [JsonPropertyName("generator")] public string Generator { get; set; } = "";
    [JsonPropertyName("rng")] public string Rng { get; set; } = "";
    [JsonPropertyName("row_counts")] public Dictionary<string, long> RowCounts { get; set; } = [];
    [JsonPropertyName("parameters")] public GenerationParameters Parameters { get; set; } = new();

    /// <summary>The one host inventory of app logs and infra metrics, by region.</summary>
    [JsonPropertyName("host_inventory")] public Dictionary<string, List<string>> HostInventory { get; set; } = [];
}
