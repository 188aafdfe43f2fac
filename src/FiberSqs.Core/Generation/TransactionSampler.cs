using System.Runtime.CompilerServices;
using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>Samples transactions (the model in docs/data-contract.md) from a shard's transaction stream.</summary>
internal sealed class TransactionSampler
{
    private readonly BurstSchedule _bursts;
    private readonly CircuitInventory _circuits;
    private readonly HostFleet _hosts;
    private readonly Story _story;
    private readonly double[][] _typeCumulative;
    private readonly double[] _regionCumulative;

    public TransactionSampler(BurstSchedule bursts, CircuitInventory circuits, HostFleet hosts, Story story)
    {
        _story = story;
        _bursts = bursts;
        _circuits = circuits;
        _hosts = hosts;
        _regionCumulative = Cumulative([.. Scenario.OriginWeights]);
        _typeCumulative = [.. Enumerable.Range(0, Scenario.Regions.Count).Select(r => Cumulative(story.TypeWeights(r)))];
    }

    private static double[] Cumulative(double[] weights)
    {
        var c = new double[weights.Length];
        double sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            c[i] = sum;
        }

        return c;
    }

    /// <summary>Fills <paramref name="tx"/> for a transaction starting at <paramref name="startTicks"/>.</summary>
    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sample(ref Prng prng, Transaction tx, long seq, long startTicks)
    {
        tx.Seq = seq;
        tx.StartTicks = startTicks;
        var region = prng.Pick(_regionCumulative);
        var type = prng.Pick(_typeCumulative[region]);
        tx.Region = region;
        tx.Type = type;
        tx.Customer = (region + 1) * 10_000_000 + prng.NextInt(ModelParameters.CustomersPerRegion);
        tx.Host = _story.Host(region, type, 1 + prng.NextInt(HostFleet.Count(region)));
        tx.ClockOffsetTicks = _hosts.ClockOffsetTicks(region, tx.Host, startTicks);

        var affected = _story.IsAffectedType(type);
        if (region == _story.SourceRegion && affected && _story.AlwaysCross)
        {
            tx.CrossRegion = true;
            tx.DependencyRegion = _story.DestinationRegion;
            tx.Circuit = _circuits.Primary ?? _circuits.ForPair(region, _story.DestinationRegion);
        }
        else if (prng.Chance(ModelParameters.CrossRegionShare))
        {
            var d = prng.NextInt(Scenario.Regions.Count - 1);
            if (d >= region)
            {
                d++;
            }

            tx.CrossRegion = true;
            tx.DependencyRegion = d;
            tx.Circuit = _circuits.ForPair(region, d);
        }
        else
        {
            tx.CrossRegion = false;
            tx.DependencyRegion = -1;
            tx.Circuit = null;
        }

        tx.BurstImpacted = Impacted(tx, affected) && _bursts.Contains(startTicks);
        if (tx.BurstImpacted && _story.StallsLocally)
        {
            // The stalled work runs in the region itself: no dependency call to go wrong, one slow attempt.
            tx.CrossRegion = false;
            tx.DependencyRegion = -1;
            tx.Circuit = null;
        }

        var herring = tx.BurstImpacted ? -1 : _story.TouchedBy(tx);
        tx.Confounder = herring >= 0;

        var baseMs = _story.BaseLatency(type);
        double timeout;
        if (tx.BurstImpacted)
        {
            tx.Attempts = _story.StallsLocally ? 1 : 1 + prng.IntInclusive(1, 3);
            timeout = ModelParameters.BurstTimeout;
        }
        else if (tx.Confounder)
        {
            tx.Attempts = prng.Chance(ModelParameters.ConfounderRetryShare) ? 2 : 1;
            timeout = ModelParameters.ConfounderTimeout;
        }
        else
        {
            tx.Attempts = 1;
            timeout = ModelParameters.BaselineTimeout;
        }

        // A confounder on the calls (a region's circuits, a dependency) slows them, far less than the incident does.
        var callFactor = tx.Confounder && _story.OnCalls(herring) ? prng.Uniform(1.4, 2.2) : 1.0;
        tx.QueueMs = prng.Uniform(1, 15);
        tx.OrchestrateMs = prng.Uniform(2, 25);
        for (var a = 0; a < tx.Attempts; a++)
        {
            tx.DependencyMs[a] = !tx.CrossRegion ? 0
                : tx.BurstImpacted ? baseMs * prng.Uniform(ModelParameters.BurstDependencyMin, ModelParameters.BurstDependencyMax)
                : tx.Circuit!.IsPrimary ? baseMs * prng.Uniform(ModelParameters.PrimaryDependencyMin, ModelParameters.PrimaryDependencyMax)
                : baseMs * prng.Uniform(ModelParameters.OtherDependencyMin, ModelParameters.OtherDependencyMax);
            tx.DependencyMs[a] *= callFactor;
            // Worker time after the call, plus a back-off before the next attempt.
            tx.GapMs[a] = prng.Uniform(1, 10) + (a < tx.Attempts - 1 ? prng.Uniform(50, 300) : 0);
        }

        var service = baseMs * prng.LogNormal(ModelParameters.ServiceTimeMu, ModelParameters.ServiceTimeSigma);
        if (tx.BurstImpacted)
        {
            // A stall is all processing time: as slow end to end as a failing path's retries make a call.
            service *= _story.StallsLocally ? prng.Uniform(ModelParameters.StallServiceMin, ModelParameters.StallServiceMax) : prng.Uniform(2.5, 4.5);
        }
        else if (tx.Confounder)
        {
            service *= prng.Uniform(1.2, 1.8);
        }

        tx.ServiceMs = service;
        var u = prng.NextDouble();
        tx.Outcome = u < timeout ? Outcome.Timeout
            : u < timeout + (1 - timeout) * ModelParameters.RetryOutcomeShare ? Outcome.RetryLater
            : Outcome.Completed;
        var response = prng.Uniform(ModelParameters.TimeoutResponseMinMs, ModelParameters.TimeoutResponseMaxMs);
        tx.RetryRowDelayMs = prng.Uniform(ModelParameters.RetryRowMinMs, ModelParameters.RetryRowMaxMs);
        tx.EndToEndMs = tx.AttemptStartMs(tx.Attempts) + tx.ServiceMs;

        // A local transaction still running at the orchestration timeout is a timeout, whatever was drawn.
        if (!tx.CrossRegion && tx.EndToEndMs >= ModelParameters.OrchestrationTimeoutMs)
        {
            tx.Outcome = Outcome.Timeout;
        }

        if (tx.IsTimeout)
        {
            EndAtTheTimeout(tx, response);
        }

        FitInsideWindow(tx);
        Reroute(tx);
        Utf8Text.TransactionId(tx.Id, tx.StartTicks, tx.Seq);
    }

    /// <summary>Whether the incident's failure is on this transaction's path (before the burst test): over the failing
    /// circuit; to the failing dependency, from any region over any circuit; or, for saturated hosts and a regressed
    /// release, the source region's impacted types (which run on the pool, or on the release).</summary>
    private bool Impacted(Transaction tx, bool affected) => _story.Kind switch
    {
        Scenarios.ScenarioKinds.NetworkCircuitDegradation => tx.Circuit is { IsPrimary: true },
        Scenarios.ScenarioKinds.DependencyOutage => tx.CrossRegion && tx.DependencyRegion == _story.DestinationRegion,
        _ => tx.Region == _story.SourceRegion && affected,
    };

    /// <summary>A timeout lasts its timeout: the last dependency call hangs until the dependency timeout (cross-region),
    /// or the work runs until the orchestration timeout (local); the 504 goes out right after.</summary>
    private static void EndAtTheTimeout(Transaction tx, double responseMs)
    {
        var last = tx.Attempts - 1;
        if (tx.CrossRegion)
        {
            tx.DependencyMs[last] = ModelParameters.DependencyTimeoutMs;
            tx.GapMs[last] = responseMs;
            tx.ServiceMs = 0;
        }
        else
        {
            tx.ServiceMs = ModelParameters.OrchestrationTimeoutMs + responseMs - tx.AttemptStartMs(tx.Attempts);
        }

        tx.EndToEndMs = tx.AttemptStartMs(tx.Attempts) + tx.ServiceMs;
    }

    /// <summary>From the fix time on the impacted flows use the healthy alternate circuit of the same region pair:
    /// a transaction on the primary whose last row (with its host's clock error) would land at or after the fix time
    /// runs over the alternate, so nothing crosses the primary after the reroute.</summary>
    private void Reroute(Transaction tx)
    {
        if (tx.Circuit is { IsPrimary: true } && tx.LastRowTicks + HostFleet.MaxClockOffsetTicks >= _story.FixTicks)
        {
            tx.Circuit = _circuits.ForPair(tx.Region, tx.DependencyRegion);
        }
    }

    /// <summary>A transaction that would run past the window's end is compressed to end before it. Only transactions
    /// of the last minute can need it, and those have tens of seconds: a timeout is never compressed below its timeout.</summary>
    private static void FitInsideWindow(Transaction tx)
    {
        var room = (Scenario.WindowEnd.Ticks - tx.StartTicks) / (double)TimeSpan.TicksPerMillisecond
            - ModelParameters.EndGuardSeconds * 1000;
        if (tx.EndToEndMs <= room || tx.IsTimeout)
        {
            return;
        }

        var k = Math.Max(room, 1) / tx.EndToEndMs;
        tx.QueueMs *= k;
        tx.OrchestrateMs *= k;
        for (var a = 0; a < tx.Attempts; a++)
        {
            tx.DependencyMs[a] *= k;
            tx.GapMs[a] *= k;
        }

        tx.ServiceMs *= k;
        tx.EndToEndMs = tx.AttemptStartMs(tx.Attempts) + tx.ServiceMs;
    }
}
