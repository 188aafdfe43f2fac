using FiberSqs.Core.Model;
using FiberSqs.Core.Scenarios;

namespace FiberSqs.Core.Scoring;

/// <summary>
/// ground_truth.json as the scorer reads it, built once per dataset: the incident's kind and component (by kind: the
/// circuit; the saturated hosts; the failing dependency service in the destination region; the released service in
/// the source region), regions, window, fix time and types; each red herring with its kind; the TSO confusion counts.
/// </summary>
internal sealed class AnswerKey
{
    private AnswerKey(GroundTruth truth)
    {
        var incident = truth.PrimaryIncident ?? throw Missing("primary_incident");
        Kind = truth.IncidentKind();
        if (!ScenarioKinds.All.Contains(Kind))
        {
            throw new InvalidDataException($"ground_truth.json: scenario.incident_kind '{Kind}' is not one of {string.Join(", ", ScenarioKinds.All)}.");
        }

        SourceRegion = Region(incident.SrcRegion, "primary_incident.src_region");
        DestinationRegion = Region(incident.DstRegion, "primary_incident.dst_region");
        Start = IsoTime.FromKey(incident.Start, "primary_incident.start");
        End = IsoTime.FromKey(incident.End, "primary_incident.end");
        FixTime = IsoTime.FromKey(incident.FixTime, "primary_incident.fix_time");
        TransactionTypes = [.. (incident.AffectedTransactionTypes ?? throw Missing("primary_incident.affected_transaction_types")).Select(ListText.Fold)];
        switch (Kind)
        {
            case ScenarioKinds.NetworkCircuitDegradation:
                CircuitId = incident.CircuitId is { Length: > 0 } circuit ? circuit.ToUpperInvariant() : throw Missing("primary_incident.circuit_id");
                RerouteCircuitId = incident.RerouteCircuitId is { Length: > 0 } reroute ? reroute.ToUpperInvariant() : null;
                break;
            case ScenarioKinds.HostSaturation:
                Hosts = incident.Hosts is { Count: > 0 } hosts ? [.. hosts.Select(h => h.ToLowerInvariant())] : throw Missing("primary_incident.hosts");
                break;
            default:
                Service = incident.Service is { Length: > 0 } service ? service.ToLowerInvariant() : throw Missing("primary_incident.service");
                break;
        }

        Confounders = [.. (truth.Confounders ?? throw Missing("confounders")).Select((c, i) => Confounder(truth, c, i))];
        var counts = truth.TsoNoise?.NoiseCounts ?? [];
        Tso = new TsoCounts(counts.GetValueOrDefault("missing"), counts.GetValueOrDefault("fabricated"),
            counts.GetValueOrDefault("wrong_customer"), counts.GetValueOrDefault("clean"));
    }

    /// <summary>The key of a dataset's ground truth; <see cref="InvalidDataException"/> naming the field it lacks.</summary>
    public static AnswerKey From(GroundTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return new AnswerKey(truth);
    }

    public string Kind { get; }
    public string SourceRegion { get; }
    public string DestinationRegion { get; }
    public DateTime Start { get; }
    public DateTime End { get; }
    public DateTime FixTime { get; }
    public IReadOnlyList<string> TransactionTypes { get; }

    /// <summary>network_circuit_degradation: the failing circuit (upper case) and the healthy one traffic moved to.</summary>
    public string? CircuitId { get; }
    public string? RerouteCircuitId { get; }

    /// <summary>host_saturation: the saturated hosts (lower case), all in <see cref="SourceRegion"/>.</summary>
    public IReadOnlyList<string> Hosts { get; } = [];

    /// <summary>dependency_outage: the failing dependency (in <see cref="DestinationRegion"/>); deployment_regression:
    /// the released service (in <see cref="SourceRegion"/>). Lower case.</summary>
    public string? Service { get; }

    /// <summary>The region the component sits in: the service's, the hosts'; for a circuit, its source.</summary>
    public string ComponentRegion => Kind == ScenarioKinds.DependencyOutage ? DestinationRegion : SourceRegion;

    public IReadOnlyList<KeyConfounder> Confounders { get; }
    public TsoCounts Tso { get; }

    /// <summary>The component in words: <c>CKT-CEN-EAS-003</c>, <c>inventory-client in east</c>, the hosts.</summary>
    public string ComponentText => Kind switch
    {
        ScenarioKinds.NetworkCircuitDegradation => CircuitId!,
        ScenarioKinds.HostSaturation => string.Join("; ", Hosts),
        _ => $"{Service} in {ComponentRegion}",
    };

    /// <summary>The regions the incident touches, for telling it from a red herring: the circuit's two ends, the
    /// dependency's region and its heaviest callers', or the one region of the hosts or the release.</summary>
    public IReadOnlyList<string> Regions => Kind is ScenarioKinds.NetworkCircuitDegradation or ScenarioKinds.DependencyOutage
        ? [SourceRegion, DestinationRegion]
        : [SourceRegion];

    public string Describe() => $"{ComponentText} ({Kind}, {RegionWords.Pair(SourceRegion, DestinationRegion)}, {IsoTime.Format(Start, End)})";

    private static KeyConfounder Confounder(GroundTruth truth, Confounder c, int index)
    {
        var at = $"confounders[{index}]";
        var kind = truth.Exercise?.ConfounderKinds?.GetValueOrDefault(c.Name) ?? KindWords.OfConfounderComponent(c.Component)
            ?? throw new InvalidDataException($"ground_truth.json: {at}.component '{c.Component}' names no kind (infra, app, network, dependency), and scenario.confounder_kinds does not name it.");
        return new KeyConfounder(c.Name, kind, Region(c.Region, $"{at}.region"), c.Component,
            IsoTime.FromKey(c.Start, $"{at}.start"), IsoTime.FromKey(c.End, $"{at}.end"));
    }

    private static string Region(string? region, string field) =>
        region is not null && Scenario.Regions.Contains(region) ? region
            : throw new InvalidDataException($"ground_truth.json: {field} '{region}' is not a region ({string.Join(", ", Scenario.Regions)}).");

    private static InvalidDataException Missing(string field) => new($"ground_truth.json lacks {field}, which scoring needs.");
}
