using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Generation;

/// <summary>
/// Generates one hour-shard of every table written per shard. Each shard draws from its own streams
/// (seed, table, shard), so its bytes do not depend on which thread runs it or in what order.
/// </summary>
internal sealed class ShardGenerator(GenerationContext context)
{
    public void Run(ShardOutput output, CancellationToken cancel)
    {
        var seed = context.Options.Seed;
        var shard = output.Shard;
        var txPrng = Prng.Create(seed, StreamId.Transactions, shard);
        var tsoPrng = Prng.Create(seed, StreamId.TsoCalls, shard);
        var circuitPrng = Prng.Create(seed, StreamId.Circuits, shard);
        var hostPrng = Prng.Create(seed, StreamId.Hosts, shard);
        var calls = new TsoCallDecider(context.Story);

        var writers = output.Buffers.ToDictionary(kv => kv.Key, kv => new CsvRowWriter(kv.Value, kv.Key));
        try
        {
            var appLogs = new AppLogTableWriter(writers[TableCatalog.AppLogs], context.Story);
            var spans = new TraceSpanTableWriter(writers[TableCatalog.TraceSpans], context.Story);
            var circuits = new CircuitMetricsTableWriter(writers[TableCatalog.NetworkCircuitMetrics], context.Circuits, context.Bursts, context.Events, context.Story);
            var hosts = new HostMetricsTableWriter(writers[TableCatalog.InfraHostMetrics], context.Hosts, context.Plan, context.Bursts, context.Story);
            var tier2 = context.Options.EnableTier2;
            var facts = tier2 ? new TxnFactTableWriter(writers[TableCatalog.TxnFacts]) : null;
            var service = tier2 ? new ServiceMetricsTableWriter(writers[TableCatalog.ServiceMetrics]) : null;

            var tx = new Transaction();
            var offsets = new List<long>(1024);
            var firstMinute = shard * ArrivalPlan.MinutesPerShard;
            for (var m = firstMinute; m < firstMinute + ArrivalPlan.MinutesPerShard; m++)
            {
                cancel.ThrowIfCancellationRequested();
                var minuteTicks = Scenario.WindowStart.Ticks + m * TimeSpan.TicksPerMinute;
                var count = context.Plan.CountAt(m);
                // The final minute's transactions start in its first half, so they can finish inside the window.
                var span = m == ArrivalPlan.Minutes - 1 ? TimeSpan.TicksPerMinute / 2 : TimeSpan.TicksPerMinute;
                offsets.Clear();
                for (var i = 0; i < count; i++)
                {
                    offsets.Add((long)(txPrng.NextDouble() * span) / 10 * 10); // whole microseconds
                }

                offsets.Sort();
                var seq = context.Plan.FirstSeqAt(m);
                for (var i = 0; i < count; i++, seq++)
                {
                    context.Sampler.Sample(ref txPrng, tx, seq, minuteTicks + offsets[i]);
                    context.Ids.Fill(tx);
                    appLogs.Write(tx);
                    spans.Write(tx);
                    facts?.Write(tx);
                    service?.Add(tx);
                    Observe(tx, output, context.Story);
                    MaybeCall(tx, calls, ref tsoPrng, output);
                }

                service?.FlushMinute(minuteTicks);
                circuits.WriteMinute(minuteTicks, ref circuitPrng, output.Stats);
                if (m % HostMetricsTableWriter.IntervalMinutes == 0)
                {
                    hosts.WriteSample(minuteTicks, ref hostPrng);
                }
            }

            foreach (var (table, writer) in writers)
            {
                writer.Flush();
                output.Rows[table] = writer.Rows;
            }
        }
        finally
        {
            foreach (var writer in writers.Values)
            {
                writer.Dispose();
            }
        }
    }

    private static void Observe(Transaction tx, ShardOutput output, Story story)
    {
        var stats = output.Stats;
        if (tx.BurstImpacted)
        {
            stats.ImpactedTransactions++;
            stats.ImpactedTimeouts += tx.IsTimeout ? 1 : 0;
            var baseMs = story.BaseLatency(tx.Type);
            for (var a = 0; a < tx.Attempts; a++)
            {
                stats.ImpactedDependencyMs.Add(tx.DependencyMs[a]);
                if (!(tx.IsTimeout && a == tx.Attempts - 1))
                {
                    stats.ImpactedDependencyMultiplier.Add(tx.DependencyMs[a] / baseMs);
                }
            }
        }
        else
        {
            stats.BaselineTransactions++;
            stats.BaselineTimeouts += tx.IsTimeout ? 1 : 0;
            if (tx.CrossRegion)
            {
                for (var a = 0; a < tx.Attempts; a++)
                {
                    stats.BaselineDependencyMs.Add(tx.DependencyMs[a]);
                }
            }

            if (!tx.Confounder)
            {
                stats.OutsideIncidents.Add(tx.EndToEndMs);
            }

            for (var c = 0; c < GenerationStats.ConfounderCount; c++)
            {
                if (!story.Selects(c, tx))
                {
                    continue;
                }

                if (story.InConfounderWindow(c, tx.StartTicks))
                {
                    stats.ConfounderInside[c].Add(tx);
                }
                else if (!tx.Confounder)
                {
                    stats.ConfounderOutside[c].Add(tx);
                }
            }
        }

        var endMinute = (int)((tx.EndTicks - Scenario.WindowStart.Ticks) / TimeSpan.TicksPerMinute);
        var key = tx.Region * 1_000_000 + endMinute;
        output.EndedByMinute.TryAdd(key, new EndedTransaction(tx.Seq, tx.StartTicks, tx.EndTicks, tx.Customer));
    }

    /// <summary>Decides whether the customer calls TSO about this transaction, and when.</summary>
    private static void MaybeCall(Transaction tx, TsoCallDecider calls, ref Prng prng, ShardOutput output)
    {
        var experience = calls.Experience(tx);
        var calling = calls.Calls(tx, experience, ref prng);
        var delayMinutes = prng.Uniform(5, 120);
        if (!calling)
        {
            return;
        }

        var end = tx.EndTicks;
        // Whole seconds, rounded up so the delay stays at least five minutes.
        var call = end + (long)(delayMinutes * TimeSpan.TicksPerMinute);
        call = (call + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
        if (call >= Scenario.WindowEnd.Ticks)
        {
            return;
        }

        output.TsoCandidates.Add(new TsoCandidate(tx.Seq, tx.StartTicks, end, call, tx.Region, tx.Type, tx.Customer,
            tx.BurstImpacted, tx.Confounder, experience));
    }
}
