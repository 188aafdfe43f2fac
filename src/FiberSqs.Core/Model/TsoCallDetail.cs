using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

public sealed class TsoCallDetail
{
    [JsonPropertyName("call_id")] public string CallId { get; set; } = "";
    [JsonPropertyName("true_transaction_id")] public string TrueTransactionId { get; set; } = "";
    [JsonPropertyName("emitted_transaction_id")] public string EmittedTransactionId { get; set; } = "";
    [JsonPropertyName("noise_type")] public string NoiseType { get; set; } = "";
    /// <summary>Whole minutes from the transaction's end to the call (read leniently: keys before v3 wrote fractions).</summary>
    [JsonPropertyName("delay_minutes")]
    [JsonConverter(typeof(WholeNumberConverter))]
    public long DelayMinutes { get; set; }
}
