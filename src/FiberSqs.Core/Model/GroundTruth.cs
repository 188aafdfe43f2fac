using System.Text.Json;
using System.Text.Json.Serialization;

namespace FiberSqs.Core.Model;

// The answer key, ground_truth.json (SPEC section 4). Key names are the original generator's, which existing
// tooling reads; what it lacked (measured figures, per-call records, RNG version) sits beside them.

public sealed class GroundTruth
{
    [JsonPropertyName("dataset_name")] public string DatasetName { get; set; } = Scenario.DatasetName;
    [JsonPropertyName("time_range")] public TimeRange TimeRange { get; set; } = new();
    [JsonPropertyName("primary_incident")] public PrimaryIncident PrimaryIncident { get; set; } = new();
    [JsonPropertyName("confounders")] public List<Confounder> Confounders { get; set; } = [];
    [JsonPropertyName("generation")] public GenerationInfo Generation { get; set; } = new();
    [JsonPropertyName("tso_noise")] public TsoNoise TsoNoise { get; set; } = new();

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

public sealed class TimeRange
{
    [JsonPropertyName("start")] public string Start { get; set; } = "";
    [JsonPropertyName("end")] public string End { get; set; } = "";
}

public sealed class Burst
{
    [JsonPropertyName("start")] public string Start { get; set; } = "";
    [JsonPropertyName("end")] public string End { get; set; } = "";
}

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
    [JsonPropertyName("bursts")] public List<Burst> Bursts { get; set; } = [];

    /// <summary>Figures measured on the written circuit metrics (not a declared range).</summary>
    [JsonPropertyName("observed")] public IncidentObservations Observed { get; set; } = new();
}

/// <summary>What the data really shows about the incident, measured while writing it.</summary>
public sealed class IncidentObservations
{
    [JsonPropertyName("primary_rtt_baseline_ms")] public Stat PrimaryRttBaselineMs { get; set; } = new();
    [JsonPropertyName("primary_rtt_burst_ms")] public Stat PrimaryRttBurstMs { get; set; } = new();
    [JsonPropertyName("primary_rtt_uplift")] public double PrimaryRttUplift { get; set; }
    [JsonPropertyName("impacted_transactions")] public long ImpactedTransactions { get; set; }
    [JsonPropertyName("impacted_timeout_rate")] public double ImpactedTimeoutRate { get; set; }
    [JsonPropertyName("baseline_timeout_rate")] public double BaselineTimeoutRate { get; set; }
    [JsonPropertyName("impacted_dependency_latency_mean_ms")] public double ImpactedDependencyLatencyMeanMs { get; set; }
    [JsonPropertyName("baseline_dependency_latency_mean_ms")] public double BaselineDependencyLatencyMeanMs { get; set; }
}

/// <summary>Count, min, max and mean of a measured series.</summary>
public sealed class Stat
{
    [JsonPropertyName("count")] public long Count { get; set; }
    [JsonPropertyName("min")] public double Min { get; set; }
    [JsonPropertyName("max")] public double Max { get; set; }
    [JsonPropertyName("mean")] public double Mean { get; set; }
}

public sealed class Confounder
{
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("start")] public string Start { get; set; } = "";
    [JsonPropertyName("end")] public string End { get; set; } = "";
    [JsonPropertyName("component")] public string Component { get; set; } = "";
    [JsonPropertyName("region")] public string Region { get; set; } = "";
    [JsonPropertyName("description")] public string Description { get; set; } = "";
}

public sealed class GenerationInfo
{
    [JsonPropertyName("seed")] public long Seed { get; set; }
    [JsonPropertyName("generator")] public string Generator { get; set; } = "";
    [JsonPropertyName("rng")] public string Rng { get; set; } = "";
    [JsonPropertyName("row_counts")] public Dictionary<string, long> RowCounts { get; set; } = [];
    [JsonPropertyName("parameters")] public GenerationParameters Parameters { get; set; } = new();
}

/// <summary>The effective parameters and what they produced.</summary>
public sealed class GenerationParameters
{
    [JsonPropertyName("app_log_rows")] public long AppLogRows { get; set; }
    [JsonPropertyName("scale_logs")] public double ScaleLogs { get; set; }
    [JsonPropertyName("app_log_rows_target")] public long AppLogRowsTarget { get; set; }
    [JsonPropertyName("app_log_rows_actual")] public long AppLogRowsActual { get; set; }
    [JsonPropertyName("enable_tier2")] public bool EnableTier2 { get; set; }
    [JsonPropertyName("zip")] public bool Zip { get; set; }
    [JsonPropertyName("transactions")] public long Transactions { get; set; }
    [JsonPropertyName("app_log_rows_per_transaction")] public double AppLogRowsPerTransaction { get; set; }
    [JsonPropertyName("burst_count")] public int BurstCount { get; set; }
    [JsonPropertyName("latency_p50_ms_outside_incidents")] public double LatencyP50MsOutsideIncidents { get; set; }
    [JsonPropertyName("latency_p99_ms_outside_incidents")] public double LatencyP99MsOutsideIncidents { get; set; }
    [JsonPropertyName("latency_p99_over_p50_outside_incidents")] public double LatencyTailRatio { get; set; }
    [JsonPropertyName("hosts_per_region")] public int HostsPerRegion { get; set; }
    [JsonPropertyName("circuits")] public int Circuits { get; set; }
}

public sealed class TsoNoise
{
    [JsonPropertyName("total_calls")] public long TotalCalls { get; set; }
    [JsonPropertyName("noise_counts")] public Dictionary<string, long> NoiseCounts { get; set; } = [];
    [JsonPropertyName("noise_rates")] public Dictionary<string, double> NoiseRates { get; set; } = [];
    [JsonPropertyName("call_details")] public List<TsoCallDetail> CallDetails { get; set; } = [];
}

public sealed class TsoCallDetail
{
    [JsonPropertyName("call_id")] public string CallId { get; set; } = "";
    [JsonPropertyName("true_transaction_id")] public string TrueTransactionId { get; set; } = "";
    [JsonPropertyName("emitted_transaction_id")] public string EmittedTransactionId { get; set; } = "";
    [JsonPropertyName("noise_type")] public string NoiseType { get; set; } = "";
    [JsonPropertyName("delay_minutes")] public double DelayMinutes { get; set; }
}

/// <summary>The original's TSO noise type names.</summary>
public static class TsoNoiseType
{
    public const string Clean = "clean";
    public const string Missing = "missing";
    public const string Fabricated = "fabricated";
    public const string WrongCustomer = "wrong_customer";
    public static readonly IReadOnlyList<string> All = [Clean, Missing, Fabricated, WrongCustomer];
}
