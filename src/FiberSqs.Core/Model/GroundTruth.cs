using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

// The answer key, ground_truth.json (docs/data-contract.md). Key names are the original generator's, which existing
// tooling reads; what it lacked (measured figures, per-call records, RNG version) sits beside them.

public sealed class GroundTruth
{
    [JsonPropertyName("dataset_name")] public string DatasetName { get; set; } = Scenario.DatasetName;
    [JsonPropertyName("time_range")] public TimeRange TimeRange { get; set; } = new();
    [JsonPropertyName("primary_incident")] public PrimaryIncident PrimaryIncident { get; set; } = new();
    [JsonPropertyName("confounders")] public List<Confounder> Confounders { get; set; } = [];
    [JsonPropertyName("generation")] public GenerationInfo Generation { get; set; } = new();
    [JsonPropertyName("tso_noise")] public TsoNoise TsoNoise { get; set; } = new();

    /// <summary>The scenario, when it is not the classic (null, and not written, for the classic).</summary>
    [JsonPropertyName("scenario")] public ScenarioRecord? Exercise { get; set; }

    /// <summary>The incident's kind: the scenario record's; a key without one (the classic's) tells a failing circuit.</summary>
    internal string IncidentKind() =>
        Exercise?.IncidentKind is { Length: > 0 } kind ? kind : Scenarios.ScenarioKinds.NetworkCircuitDegradation;

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Largest ground_truth.json read (a full-size dataset's is about 50 MB): a crafted one cannot exhaust memory.</summary>
    public const long MaxFileBytes = 256L << 20;

    public static GroundTruth Load(string path)
    {
        using var stream = Files.BoundedFile.OpenRead(path, MaxFileBytes, "an answer key");
        return JsonSerializer.Deserialize<GroundTruth>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{path} holds no ground truth.");
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, this, JsonOptions);
        stream.WriteByte((byte)'\n');
    }
}
