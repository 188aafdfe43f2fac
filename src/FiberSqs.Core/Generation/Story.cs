using FiberSqs.Core.Model;
using FiberSqs.Core.Scenarios;

namespace FiberSqs.Core.Generation;

/// <summary>
/// A scenario as the generator's hot paths need it: region and type indexes, windows as ticks, the traffic mix. For
/// the classic scenario every number equals the constants it replaced, so the classic's bytes do not change.
/// </summary>
internal sealed class Story
{
    private readonly int[] _affectedTypes;
    private readonly double[] _sourceWeights;
    private readonly long[] _confounderStarts;
    private readonly long[] _confounderEnds;
    private readonly bool[] _saturated;
    private readonly int[] _pool;
    private readonly int[] _others;

    public Story(ExerciseScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario;
        var incident = scenario.Incident;
        SourceRegion = Model.Scenario.RegionIndex(incident.SourceRegion);
        DestinationRegion = Model.Scenario.RegionIndex(incident.DestinationRegion);
        _affectedTypes = [.. incident.TransactionTypes.Select(Model.Scenario.TypeIndex)];
        IncidentStartTicks = incident.Start.Ticks;
        IncidentEndTicks = incident.End.Ticks;
        FixTicks = incident.FixTime.Ticks;
        Kind = incident.Kind;
        var pool = incident.Hosts.Select(h => HostNumber(incident.SourceRegion, h)).Order().ToArray();
        _saturated = new bool[HostFleet.Count(SourceRegion) + 1];
        foreach (var h in pool)
        {
            _saturated[h] = true;
        }

        _pool = pool;
        _others = [.. Enumerable.Range(1, HostFleet.Count(SourceRegion)).Where(h => !_saturated[h])];
        ConfounderRegions = [.. scenario.Confounders.Select(c => Model.Scenario.RegionIndex(c.Region))];
        ConfounderKinds = [.. scenario.Confounders.Select(c => c.Kind)];
        _confounderStarts = [.. scenario.Confounders.Select(c => c.Start.Ticks)];
        _confounderEnds = [.. scenario.Confounders.Select(c => c.End.Ticks)];

        // The impacted types carry the classic impacted types' shares of the source region's traffic (equal
        // difficulty: the slice is the same share of its region's traffic in every variant); the other types keep the
        // rest, in order.
        var classic = ModelParameters.TypeWeightsCentral;
        _sourceWeights = new double[classic.Length];
        var rest = new Queue<double>(classic.Skip(_affectedTypes.Length));
        for (var t = 0; t < classic.Length; t++)
        {
            var k = Array.IndexOf(_affectedTypes, t);
            _sourceWeights[t] = k >= 0 ? classic[k] : rest.Dequeue();
        }
    }

    public ExerciseScenario Scenario { get; }

    /// <summary>The incident's kind (<see cref="ScenarioKinds"/>).</summary>
    public string Kind { get; }

    /// <summary>A failing circuit: the only kind with a primary circuit, its RTT bursts, its events and the reroute.</summary>
    public bool IsNetwork => Kind == ScenarioKinds.NetworkCircuitDegradation;

    /// <summary>The source region's impacted types always call the destination's dependency (over the primary circuit
    /// for a circuit incident): the slice whose calls cross the failing circuit or reach the failing dependency. A
    /// host saturation or a regressed release hits the work done in the source region, so its slice calls out as any
    /// other transaction does.</summary>
    public bool AlwaysCross => Kind is ScenarioKinds.NetworkCircuitDegradation or ScenarioKinds.DependencyOutage;

    /// <summary>The impacted work stalls in the source region (saturated hosts, a slow release): longer processing, an
    /// orchestration timeout, no dependency trouble.</summary>
    public bool StallsLocally => ScenarioKinds.StallsLocally(Kind);

    /// <summary>host_saturation: true for a saturated host (1-based number) of the source region.</summary>
    public bool IsSaturated(int region, int host) => region == SourceRegion && _pool.Length > 0 && _saturated[host];

    /// <summary>The host that runs a transaction whose uniform draw picked <paramref name="drawn"/>: for a host
    /// saturation the source region's impacted types run on the saturated pool and the other types on the other hosts
    /// (a dedicated worker pool), so the logs ↔ hosts join leads to the pool; otherwise the draw itself.</summary>
    public int Host(int region, int type, int drawn)
    {
        if (_pool.Length == 0 || region != SourceRegion)
        {
            return drawn;
        }

        return IsAffectedType(type) ? _pool[(drawn - 1) % _pool.Length] : _others[(drawn - 1) % _others.Length];
    }

    private static int HostNumber(string region, string host)
    {
        var r = Model.Scenario.RegionIndex(region);
        for (var n = 1; n <= HostFleet.Count(r); n++)
        {
            if (Model.Scenario.HostName(region, n) == host)
            {
                return n;
            }
        }

        throw new ArgumentException($"{host} is not a host of {region}.", nameof(host));
    }

    /// <summary>The original's signals (docs/scenarios.md, difficulty): WARN only on burst-impacted calls, a critical
    /// event naming the failing circuit at the start. False at standard and hard.</summary>
    public bool ClassicSignals => Scenario.Difficulty == ScenarioKinds.Classic;

    /// <summary>Share of transactions whose spans are written (hard: partial trace sampling).</summary>
    public double TraceSampling => Scenario.Difficulty == ScenarioKinds.Hard ? 0.6 : 1.0;

    /// <summary>Share of a transaction's intermediate log rows (queued, orchestrated, worker progress) lost (hard).</summary>
    public double LogLoss => Scenario.Difficulty == ScenarioKinds.Hard ? 0.01 : 0.0;

    /// <summary>Above standard a dependency call is WARN when it took this many times its base latency, wherever it
    /// ran: about a fifth of healthy calls qualify, so WARN no longer points at the incident by itself.</summary>
    public const double WarnCallMultiple = 1.5;

    /// <summary>A fixed, uniform number in [0, 1) for a transaction and a salt: the same at any core count.</summary>
    public static double Draw(Transaction tx, ulong salt)
    {
        var x = ((ulong)tx.Seq ^ salt) * 0x9E3779B97F4A7C15UL;
        x ^= x >> 31;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>The incident's source and destination regions (indexes into <see cref="Model.Scenario.Regions"/>).</summary>
    public int SourceRegion { get; }
    public int DestinationRegion { get; }

    public long IncidentStartTicks { get; }
    public long IncidentEndTicks { get; }
    public long FixTicks { get; }

    /// <summary>The confounders' regions and kinds, in answer-key order.</summary>
    public int[] ConfounderRegions { get; }
    public string[] ConfounderKinds { get; }

    public bool IsAffectedType(int type) => Array.IndexOf(_affectedTypes, type) >= 0;

    public double BaseLatency(int type) => IsAffectedType(type) ? ModelParameters.BaseLatencyAffectedMs : ModelParameters.BaseLatencyOtherMs;

    public double[] TypeWeights(int region) => region == SourceRegion ? _sourceWeights : ModelParameters.TypeWeightsElsewhere;

    /// <summary>True when the instant is inside confounder <paramref name="confounder"/>'s window.</summary>
    public bool InConfounderWindow(int confounder, long ticks) => ticks >= _confounderStarts[confounder] && ticks < _confounderEnds[confounder];

    /// <summary>True when a confounder of <paramref name="kind"/> acts on the region at that instant.</summary>
    public bool ConfounderActs(string kind, int region, long ticks)
    {
        for (var c = 0; c < ConfounderRegions.Length; c++)
        {
            if (ConfounderKinds[c] == kind && region == ConfounderRegions[c] && InConfounderWindow(c, ticks))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a region-wide confounder (saturated hosts, a regressed release) acts on every transaction of
    /// the region at that instant: what the arrival plan sizes the region's rows by.</summary>
    public bool InConfounder(int region, long ticks) =>
        ConfounderActs(ScenarioKinds.HostSaturation, region, ticks) || ConfounderActs(ScenarioKinds.DeploymentRegression, region, ticks);

    /// <summary>Whether confounder <paramref name="confounder"/> is on this transaction's path, window aside: the
    /// region's transactions (its hosts or its release), the region's cross-region transactions (its circuits), or
    /// every call into the region (its dependency).</summary>
    public bool Selects(int confounder, Transaction tx) => ConfounderKinds[confounder] switch
    {
        ScenarioKinds.NetworkCircuitDegradation => tx.Region == ConfounderRegions[confounder] && tx.CrossRegion,
        ScenarioKinds.DependencyOutage => tx.CrossRegion && tx.DependencyRegion == ConfounderRegions[confounder],
        _ => tx.Region == ConfounderRegions[confounder],
    };

    /// <summary>The confounder that touches the transaction (on its path and started in its window), or -1. The
    /// windows never overlap, so at most one does.</summary>
    public int TouchedBy(Transaction tx)
    {
        for (var c = 0; c < ConfounderRegions.Length; c++)
        {
            if (InConfounderWindow(c, tx.StartTicks) && Selects(c, tx))
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>True for a confounder on the calls (a region's circuits, a dependency): the dependency calls it touches
    /// are slower, as well as the work.</summary>
    public bool OnCalls(int confounder) =>
        ConfounderKinds[confounder] is ScenarioKinds.NetworkCircuitDegradation or ScenarioKinds.DependencyOutage;

    /// <summary>A transaction is slow for its customer above 2.5 × its base latency, plus its dependency's healthy
    /// upper bound (1.6 × base) when it crosses regions.</summary>
    public double SlowThresholdMs(int type, bool crossRegion) =>
        BaseLatency(type) * (2.5 + (crossRegion ? ModelParameters.PrimaryDependencyMax : 0));

    /// <summary>Expected app-log rows of one transaction, used to size the arrivals so the row target is met.</summary>
    public double ExpectedAppLogRows(int region, int type, double burstFraction, bool confounder)
    {
        var alwaysCross = AlwaysCross && region == SourceRegion && IsAffectedType(type);
        var cross = alwaysCross ? 1.0 : ModelParameters.CrossRegionShare;
        double Rows(double attempts, double timeout) => 3 + attempts * (1 + cross) + 1 + timeout;

        var normal = confounder
            ? Rows(1 + ModelParameters.ConfounderRetryShare, ModelParameters.ConfounderTimeout)
            : Rows(1, ModelParameters.BaselineTimeout);
        var impacted = region == SourceRegion && IsAffectedType(type) && burstFraction > 0;
        if (!impacted)
        {
            return normal;
        }

        // In a burst: 1 + U{1,2,3} retries (3 attempts on average) over the failing path, or one stalled local attempt.
        var burst = StallsLocally ? 3 + 1 + 1 + ModelParameters.BurstTimeout : Rows(3, ModelParameters.BurstTimeout);
        return burstFraction * burst + (1 - burstFraction) * normal;
    }
}
