using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

/// <summary>Count, min, max and mean of a measured series.</summary>
public sealed class Stat
{
    [JsonPropertyName("count")] public long Count { get; set; }
    [JsonPropertyName("min")] public double Min { get; set; }
    [JsonPropertyName("max")] public double Max { get; set; }
    [JsonPropertyName("mean")] public double Mean { get; set; }
}
