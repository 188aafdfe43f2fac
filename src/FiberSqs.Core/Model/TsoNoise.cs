using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

public sealed class TsoNoise
{
    [JsonPropertyName("total_calls")] public long TotalCalls { get; set; }
    [JsonPropertyName("noise_counts")] public Dictionary<string, long> NoiseCounts { get; set; } = [];
    [JsonPropertyName("noise_rates")] public Dictionary<string, double> NoiseRates { get; set; } = [];
    [JsonPropertyName("call_details")] public List<TsoCallDetail> CallDetails { get; set; } = [];
}
