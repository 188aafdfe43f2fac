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

    /// <summary>The healthy circuit of the same region pair that the impacted flows use from the fix time on.</summary>
    [JsonPropertyName("reroute_circuit_id")] public string RerouteCircuitId { get; set; } = "";
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

    /// <summary>Its measured effect on its region's transactions (null in keys written before v3).</summary>
    [JsonPropertyName("observed")] public ConfounderObservations? Observed { get; set; }
}

/// <summary>A confounder's effect as the data shows it: its region's transactions that started inside its window
/// against those outside it (neither burst-impacted nor in another confounder).</summary>
public sealed class ConfounderObservations
{
    [JsonPropertyName("transactions_inside")] public long TransactionsInside { get; set; }
    [JsonPropertyName("timeout_rate_inside")] public double TimeoutRateInside { get; set; }
    [JsonPropertyName("timeout_rate_outside")] public double TimeoutRateOutside { get; set; }
    /// <summary>The median shows the slowdown itself; the p95 sits on the timeouts (3 s and 6 s) once they reach 5%.</summary>
    [JsonPropertyName("p50_latency_ms_inside")] public double P50LatencyMsInside { get; set; }
    [JsonPropertyName("p50_latency_ms_outside")] public double P50LatencyMsOutside { get; set; }
    [JsonPropertyName("p95_latency_ms_inside")] public double P95LatencyMsInside { get; set; }
    [JsonPropertyName("p95_latency_ms_outside")] public double P95LatencyMsOutside { get; set; }
    [JsonPropertyName("p95_latency_multiplier")] public double P95LatencyMultiplier { get; set; }

    /// <summary>Its timeout rate over the burst-impacted slice's: a red herring stays well below the incident (≤ 0.5).</summary>
    [JsonPropertyName("timeout_rate_vs_incident")] public double TimeoutRateVsIncident { get; set; }
}

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

/// <summary>The effective parameters and what they produced. The first five keys are the original's, with the values
/// the data really has (the original declared ranges its data did not meet).</summary>
public sealed class GenerationParameters
{
    /// <summary>Mean minutes from one burst's start to the next.</summary>
    [JsonPropertyName("incident_burst_interval_minutes")] public double IncidentBurstIntervalMinutes { get; set; }

    /// <summary>Shortest and longest burst, in minutes.</summary>
    [JsonPropertyName("incident_burst_duration_minutes")] public List<double> IncidentBurstDurationMinutes { get; set; } = [];

    /// <summary>Mean RTT of the primary circuit outside bursts.</summary>
    [JsonPropertyName("network_baseline_rtt_ms")] public double NetworkBaselineRttMs { get; set; }

    /// <summary>Lowest and highest RTT of the primary circuit in burst minutes.</summary>
    [JsonPropertyName("network_burst_rtt_range_ms")] public List<double> NetworkBurstRttRangeMs { get; set; } = [];

    /// <summary>Lowest and highest answered impacted dependency call ÷ its base latency.</summary>
    [JsonPropertyName("dependency_latency_multiplier")] public List<double> DependencyLatencyMultiplier { get; set; } = [];

    /// <summary>A local transaction still running this long after it was received times out (ORCH_TIMEOUT).</summary>
    [JsonPropertyName("orchestration_timeout_ms")] public double OrchestrationTimeoutMs { get; set; }

    /// <summary>A dependency call unanswered after this long is abandoned (DEP_TIMEOUT on the last attempt).</summary>
    [JsonPropertyName("dependency_timeout_ms")] public double DependencyTimeoutMs { get; set; }

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
    [JsonPropertyName("hosts_by_region")] public Dictionary<string, int> HostsByRegion { get; set; } = [];
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
    /// <summary>Whole minutes from the transaction's end to the call (read leniently: keys before v3 wrote fractions).</summary>
    [JsonPropertyName("delay_minutes")]
    [JsonConverter(typeof(WholeNumberConverter))]
    public long DelayMinutes { get; set; }
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
