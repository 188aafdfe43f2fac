using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

public sealed class TimeRange
{
    [JsonPropertyName("start")] public string Start { get; set; } = "";
    [JsonPropertyName("end")] public string End { get; set; } = "";
}
