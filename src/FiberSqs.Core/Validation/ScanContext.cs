using System.Globalization;
using FiberSqs.Core.Model;

namespace FiberSqs.Core.Validation;

/// <summary>What the row collectors need to know from the answer key: the window, the bursts and the confounder
/// windows, as ticks (for metric timestamps) and as yyMMddHHmmss numbers (for transaction start seconds).</summary>
internal sealed class ScanContext
{
    public ScanContext(GroundTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        WindowStart = Instant(truth.TimeRange.Start, "time_range.start");
        WindowEnd = Instant(truth.TimeRange.End, "time_range.end");
        IncidentStart = Instant(truth.PrimaryIncident.Start, "primary_incident.start");
        IncidentEnd = Instant(truth.PrimaryIncident.End, "primary_incident.end");
        FixTime = Instant(truth.PrimaryIncident.FixTime, "primary_incident.fix_time");
        PrimaryCircuit = truth.PrimaryIncident.CircuitId ?? "";
        SourceRegion = truth.PrimaryIncident.SrcRegion;
        DestinationRegion = truth.PrimaryIncident.DstRegion;
        IncidentKind = truth.IncidentKind();
        SaturatedHosts = [.. truth.PrimaryIncident.Hosts ?? []];
        AffectedTypes = [.. truth.PrimaryIncident.AffectedTransactionTypes];
        var bursts = truth.PrimaryIncident.Bursts
            .Select((b, i) => (Start: Instant(b.Start, $"bursts[{i}].start"), End: Instant(b.End, $"bursts[{i}].end")))
            .OrderBy(b => b.Start).ToList();
        BurstStartTicks = [.. bursts.Select(b => b.Start.Ticks)];
        BurstEndTicks = [.. bursts.Select(b => b.End.Ticks)];
        BurstStartSeconds = [.. bursts.Select(b => FieldText.SecondNumber(b.Start))];
        BurstEndSeconds = [.. bursts.Select(b => FieldText.SecondNumber(b.End))];
        // By what they touch (every key since v1 says it), so a variant's confounders are found under their own names.
        Confounders = [.. truth.Confounders.Select(c => Window(truth, c))];
        CpuSpike = Confounders.FirstOrDefault(c => c.Kind == Scenarios.ScenarioKinds.HostSaturation) ?? Named(truth, "central_cpu_spike");
        Blip = Confounders.FirstOrDefault(c => c.Kind == Scenarios.ScenarioKinds.DeploymentRegression) ?? Named(truth, "west_deployment_blip");
        // The classic's key (no scenario record) always has both; a scenario's key says which kinds it planted.
        var declared = truth.Exercise?.ConfounderKinds.Values.ToHashSet();
        ExpectsCpuSpike = declared?.Contains(Scenarios.ScenarioKinds.HostSaturation) ?? true;
        ExpectsBlip = declared?.Contains(Scenarios.ScenarioKinds.DeploymentRegression) ?? true;
        RerouteCircuit = truth.PrimaryIncident.RerouteCircuitId ?? "";
        OrchestrationTimeoutMs = truth.Generation.Parameters.OrchestrationTimeoutMs;
        DependencyTimeoutMs = truth.Generation.Parameters.DependencyTimeoutMs;
        TraceSampling = truth.Generation.Parameters.TraceSampling ?? 1.0;
    }

    public DateTime WindowStart { get; }
    public DateTime WindowEnd { get; }
    public DateTime IncidentStart { get; }
    public DateTime IncidentEnd { get; }
    public DateTime FixTime { get; }
    public string PrimaryCircuit { get; }
    public string SourceRegion { get; }
    public string DestinationRegion { get; }

    /// <summary>The incident's kind (scenario.incident_kind; a key without one is the classic's circuit).</summary>
    public string IncidentKind { get; }

    /// <summary>A failing circuit: the circuit checks apply.</summary>
    public bool IsNetworkIncident => IncidentKind == Scenarios.ScenarioKinds.NetworkCircuitDegradation;

    /// <summary>host_saturation: the saturated hosts (empty otherwise).</summary>
    public IReadOnlyList<string> SaturatedHosts { get; }
    public IReadOnlyList<string> AffectedTypes { get; }
    public long[] BurstStartTicks { get; }
    public long[] BurstEndTicks { get; }
    public long[] BurstStartSeconds { get; }
    public long[] BurstEndSeconds { get; }
    public int BurstCount => BurstStartTicks.Length;

    /// <summary>The circuit the impacted flows move to at the fix time (empty in keys written before v3).</summary>
    public string RerouteCircuit { get; }

    /// <summary>The answer key's timeouts (0 in keys written before v3: the duration checks do not apply).</summary>
    public double OrchestrationTimeoutMs { get; }
    public double DependencyTimeoutMs { get; }
    /// <summary>The share of transactions the key says have spans (1 but at the hard difficulty).</summary>
    public double TraceSampling { get; }

    public bool HasTimeouts => OrchestrationTimeoutMs > 0 && DependencyTimeoutMs > 0;

    /// <summary>Every confounder of the key, with its kind.</summary>
    public IReadOnlyList<ConfounderWindow> Confounders { get; }

    /// <summary>Whether the key must have a host saturation and a deployment regression among its red herrings (the
    /// classic's, or a scenario that declares them): their checks fail when missing, and do not apply otherwise.</summary>
    public bool ExpectsCpuSpike { get; }
    public bool ExpectsBlip { get; }

    /// <summary>The (first) host-saturation confounder: the classic's central CPU spike (null when the answer key has none).</summary>
    public ConfounderWindow? CpuSpike { get; }

    /// <summary>The (first) deployment-regression confounder: the classic's west blip (null when the answer key has none).</summary>
    public ConfounderWindow? Blip { get; }

    /// <summary>True when a transaction that started in that second (yyMMddHHmmss) started inside a burst.</summary>
    public bool StartsInBurst(long secondNumber) => Inside(BurstStartSeconds, BurstEndSeconds, secondNumber);

    /// <summary>True when [ticks, ticks + length) overlaps a burst.</summary>
    public bool OverlapsBurst(long ticks, long length)
    {
        // The last burst starting before the interval's end is the only candidate (bursts do not overlap).
        var i = Array.BinarySearch(BurstStartTicks, ticks + length - 1);
        i = i < 0 ? ~i - 1 : i;
        return i >= 0 && BurstEndTicks[i] > ticks;
    }

    private static bool Inside(long[] starts, long[] ends, long value)
    {
        var i = Array.BinarySearch(starts, value);
        i = i < 0 ? ~i - 1 : i;
        return i >= 0 && value < ends[i];
    }

    /// <summary>A confounder's kind: the scenario record's, else what its component says (every key since v1 has one).</summary>
    private static ConfounderWindow Window(GroundTruth truth, Confounder c)
    {
        var kind = truth.Exercise?.ConfounderKinds.GetValueOrDefault(c.Name) ?? Scenarios.ScenarioKinds.OfConfounderComponent(c.Component)
            ?? (c.Name == "west_deployment_blip" ? Scenarios.ScenarioKinds.DeploymentRegression : Scenarios.ScenarioKinds.HostSaturation);
        return new ConfounderWindow(c.Name, c.Region, Instant(c.Start, c.Name + ".start"), Instant(c.End, c.Name + ".end"), kind);
    }

    private static ConfounderWindow? Named(GroundTruth truth, string name) =>
        truth.Confounders.FirstOrDefault(x => x.Name == name) is { } c ? Window(truth, c) : null;

    private static DateTime Instant(string text, string what)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
        {
            throw new InvalidDataException($"ground_truth.json: {what} is not a timestamp ('{text}').");
        }

        return DateTime.SpecifyKind(t, DateTimeKind.Utc);
    }
}
