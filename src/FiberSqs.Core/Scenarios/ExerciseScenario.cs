using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;

namespace FiberSqs.Core.Scenarios;

/// <summary>
/// The story a dataset tells (docs/scenarios.md): the incident and the confounders, with their places and windows.
/// <see cref="Classic"/> is the original exercise exactly; <see cref="Variant"/> draws an exercise of the same shape
/// and difficulty from a number: another circuit between another region pair, other impacted types carrying the
/// classic's traffic shares, and other windows inside the week, never overlapping.
/// </summary>
internal sealed record ExerciseScenario(string Name, int? Variant, string Difficulty, IncidentPlan Incident, IReadOnlyList<ConfounderPlan> Confounders)
{
    /// <summary>The classic exercise (docs/model.md): CKT-CEN-EAS-003, its CPU spike and its deployment blip.</summary>
    public static ExerciseScenario Classic { get; } = new("classic", null, ScenarioKinds.Classic,
        new IncidentPlan(ScenarioKinds.NetworkCircuitDegradation, Scenario.PrimaryCircuitId, Scenario.PrimarySourceRegion,
            Scenario.PrimaryDestinationRegion, Scenario.AffectedTransactionTypes, Scenario.IncidentStart, Scenario.IncidentEnd, Scenario.FixTime),
        [
            new ConfounderPlan("central_cpu_spike", ScenarioKinds.HostSaturation, Scenario.CpuSpikeRegion, "infra", Scenario.CpuSpikeStart, Scenario.CpuSpikeEnd),
            new ConfounderPlan("west_deployment_blip", ScenarioKinds.DeploymentRegression, Scenario.BlipRegion, "app", Scenario.BlipStart, Scenario.BlipEnd),
        ]);

    /// <summary>True for the classic story (its answer key keeps the original's form, byte for byte).</summary>
    public bool IsClassic => Equals(Classic);

    /// <summary>The least share of all traffic a variant's source region carries.</summary>
    public const double MinSourceShare = 0.2;

    /// <summary>The transaction types a variant may impact: the synchronous ones a customer waits for.</summary>
    public static readonly IReadOnlyList<string> ImpactableTypes =
        ["provision_fiber_sqs", "modify_service_profile", "cancel_subscription", "update_billing", "firmware_update"];

    /// <summary>Variant <paramref name="number"/> (1 or more): the same for every machine and version of the algorithm.</summary>
    public static ExerciseScenario DrawVariant(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        var prng = Prng.Create(number, StreamId.ScenarioVariant);
        var regions = Scenario.Regions;
        // The source carries at least a fifth of the traffic (east, west, central): the slice to find stays within a
        // factor of two of the classic's, where north or south (a tenth each) would make it three times thinner.
        int[] sources = [.. Enumerable.Range(0, regions.Count).Where(r => Scenario.OriginWeights[r] >= MinSourceShare)];
        var source = sources[prng.IntInclusive(0, sources.Length - 1)];
        var destination = (source + prng.IntInclusive(1, regions.Count - 1)) % regions.Count;
        var src = regions[source];
        var dst = regions[destination];
        var circuit = $"CKT-{Scenario.RegionCode(src)}-{Scenario.RegionCode(dst)}-{prng.IntInclusive(1, 99):000}";
        var kind = KindOf(number);
        var component = kind switch
        {
            ScenarioKinds.NetworkCircuitDegradation => circuit,
            ScenarioKinds.HostSaturation => SaturatedHosts(number, source),
            ScenarioKinds.DependencyOutage => ScenarioKinds.DependencyService,
            _ => ScenarioKinds.RegressedService,
        };

        var first = prng.IntInclusive(0, ImpactableTypes.Count - 1);
        var second = (first + prng.IntInclusive(1, ImpactableTypes.Count - 1)) % ImpactableTypes.Count;
        string[] types = [ImpactableTypes[Math.Min(first, second)], ImpactableTypes[Math.Max(first, second)]];

        // The classic's lengths: the incident 53 h 50 min and its fix 5 min later, the CPU spike 90 min, the blip 60 min.
        var incidentLength = Scenario.IncidentEnd - Scenario.IncidentStart;
        var fixDelay = Scenario.FixTime - Scenario.IncidentEnd;
        var week = Scenario.WindowStart;
        var latestStart = Scenario.WindowEnd - TimeSpan.FromHours(6) - incidentLength - fixDelay;
        var start = week + TimeSpan.FromHours(6) + TimeSpan.FromMinutes(10 * prng.IntInclusive(0, (int)((latestStart - week - TimeSpan.FromHours(6)).TotalMinutes / 10)));
        var end = start + incidentLength;
        var fix = end + fixDelay;

        // The first red herring sits in the incident's own region (as the classic's CPU spike), the second elsewhere;
        // their kinds are drawn apart, so the windows and regions above do not move with them.
        var (firstKind, secondKind) = ConfounderKinds(number);
        var firstLength = ConfounderLength(firstKind);
        var secondLength = ConfounderLength(secondKind);
        var spike = Free(ref prng, firstLength, [(start, fix)]);
        var blip = Free(ref prng, secondLength, [(start, fix), (spike, spike + firstLength)]);
        var blipRegion = regions[(source + prng.IntInclusive(1, regions.Count - 1)) % regions.Count];
        return new ExerciseScenario($"variant-{number}", number, ScenarioKinds.Classic,
            new IncidentPlan(kind, component, src, dst, types, start, end, fix),
            [
                new ConfounderPlan(ScenarioKinds.ConfounderName(src, firstKind), firstKind, src, ScenarioKinds.ConfounderComponent(firstKind), spike, spike + firstLength),
                new ConfounderPlan(ScenarioKinds.ConfounderName(blipRegion, secondKind), secondKind, blipRegion, ScenarioKinds.ConfounderComponent(secondKind),
                    blip, blip + secondLength),
            ]);
    }

    /// <summary>Two different confounder kinds for variant <paramref name="number"/>.</summary>
    private static (string First, string Second) ConfounderKinds(int number)
    {
        var prng = Prng.Create(number, StreamId.ScenarioConfounders);
        var kinds = ScenarioKinds.All;
        var first = prng.IntInclusive(0, kinds.Count - 1);
        var second = (first + prng.IntInclusive(1, kinds.Count - 1)) % kinds.Count;
        return (kinds[first], kinds[second]);
    }

    /// <summary>The classic's lengths: a CPU saturation 90 minutes, the other kinds an hour (as the deployment blip).</summary>
    private static TimeSpan ConfounderLength(string kind) => TimeSpan.FromMinutes(kind == ScenarioKinds.HostSaturation ? 90 : 60);

    /// <summary>The incident kind of variant <paramref name="number"/>: the four in turn (1 a circuit, 2 hosts, 3 a
    /// dependency, 4 a release, 5 a circuit again ...), so a class of any four consecutive variants meets every kind.</summary>
    public static string KindOf(int number) => ScenarioKinds.All[(number - 1) % ScenarioKinds.All.Count];

    /// <summary>Three hosts of the region, drawn from a stream of their own (the variant's other draws do not move).</summary>
    private static string SaturatedHosts(int number, int region)
    {
        var prng = Prng.Create(number, StreamId.ScenarioHosts);
        var count = HostFleet.Count(region);
        var picked = new SortedSet<int>();
        while (picked.Count < 3)
        {
            picked.Add(prng.IntInclusive(1, count));
        }

        return string.Join(",", picked.Select(h => Scenario.HostName(Scenario.Regions[region], h)));
    }

    /// <summary>A start on a 10-minute boundary inside the week (an hour clear of its edges and of every taken window).</summary>
    private static DateTime Free(ref Prng prng, TimeSpan length, (DateTime Start, DateTime End)[] taken)
    {
        var margin = TimeSpan.FromHours(1);
        var slots = (int)((Scenario.WindowEnd - Scenario.WindowStart - length - 2 * margin).TotalMinutes / 10);
        while (true)
        {
            var start = Scenario.WindowStart + margin + TimeSpan.FromMinutes(10 * prng.IntInclusive(0, slots));
            if (taken.All(t => start + length + margin <= t.Start || start >= t.End + margin))
            {
                return start;
            }
        }
    }

    public bool Equals(ExerciseScenario? other) =>
        other is not null && Name == other.Name && Variant == other.Variant && Difficulty == other.Difficulty &&
        Incident with { TransactionTypes = [] } == other.Incident with { TransactionTypes = [] } &&
        Incident.TransactionTypes.SequenceEqual(other.Incident.TransactionTypes) && Confounders.SequenceEqual(other.Confounders);

    public override int GetHashCode() => HashCode.Combine(Name, Variant, Incident.Component);
}
