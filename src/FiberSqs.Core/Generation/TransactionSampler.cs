using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>Samples transactions (SPEC section 3) from a shard's transaction stream.</summary>
internal sealed class TransactionSampler
{
    private readonly BurstSchedule _bursts;
    private readonly CircuitInventory _circuits;
    private readonly double[][] _typeCumulative;
    private readonly double[] _regionCumulative;

    public TransactionSampler(BurstSchedule bursts, CircuitInventory circuits)
    {
        _bursts = bursts;
        _circuits = circuits;
        _regionCumulative = Cumulative([.. Scenario.OriginWeights]);
        _typeCumulative = [.. Enumerable.Range(0, Scenario.Regions.Count).Select(r => Cumulative(ModelParameters.TypeWeights(r)))];
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
    public void Sample(ref Prng prng, Transaction tx, long seq, long startTicks)
    {
        tx.Seq = seq;
        tx.StartTicks = startTicks;
        var region = prng.Pick(_regionCumulative);
        var type = prng.Pick(_typeCumulative[region]);
        tx.Region = region;
        tx.Type = type;
        tx.Customer = (region + 1) * 10_000_000 + prng.NextInt(ModelParameters.CustomersPerRegion);
        tx.Host = 1 + prng.NextInt(Scenario.HostsPerRegion);

        var affected = ModelParameters.IsAffectedType(type);
        if (region == ModelParameters.CentralRegion && affected)
        {
            tx.CrossRegion = true;
            tx.DependencyRegion = ModelParameters.EastRegion;
            tx.Circuit = _circuits.Primary;
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

        tx.BurstImpacted = tx.Circuit is { IsPrimary: true } && _bursts.Contains(startTicks);
        tx.Confounder = !tx.BurstImpacted && ModelParameters.InConfounder(region, startTicks);

        var baseMs = ModelParameters.BaseLatency(type);
        double timeout;
        if (tx.BurstImpacted)
        {
            tx.Attempts = 1 + prng.IntInclusive(1, 3);
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

        tx.QueueMs = prng.Uniform(1, 15);
        tx.OrchestrateMs = prng.Uniform(2, 25);
        for (var a = 0; a < tx.Attempts; a++)
        {
            tx.DependencyMs[a] = !tx.CrossRegion ? 0
                : tx.BurstImpacted ? baseMs * prng.Uniform(5, 12)
                : baseMs * prng.Uniform(0.9, 1.6);
            // Worker time after the call, plus a back-off before the next attempt.
            tx.GapMs[a] = prng.Uniform(1, 10) + (a < tx.Attempts - 1 ? prng.Uniform(50, 300) : 0);
        }

        var service = baseMs * prng.LogNormal(ModelParameters.ServiceTimeMu, ModelParameters.ServiceTimeSigma);
        if (tx.BurstImpacted)
        {
            service *= prng.Uniform(2.5, 4.5);
        }
        else if (tx.Confounder)
        {
            service *= prng.Uniform(1.2, 1.8);
        }

        tx.ServiceMs = service;
        tx.EndToEndMs = tx.AttemptStartMs(tx.Attempts) + service;

        var u = prng.NextDouble();
        tx.Outcome = u < timeout ? Outcome.Timeout
            : u < timeout + (1 - timeout) * ModelParameters.RetryOutcomeShare ? Outcome.RetryLater
            : Outcome.Completed;

        FitInsideWindow(tx);
        Utf8Text.TransactionId(tx.Id, tx.StartTicks, tx.Seq);
    }

    /// <summary>A transaction that would run past the window's end is compressed to end before it.</summary>
    private static void FitInsideWindow(Transaction tx)
    {
        var room = (Scenario.WindowEnd.Ticks - tx.StartTicks) / (double)TimeSpan.TicksPerMillisecond
            - ModelParameters.EndGuardSeconds * 1000;
        if (tx.EndToEndMs <= room)
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
