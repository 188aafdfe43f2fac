using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>
/// network_circuit_metrics: every circuit, every minute, around its baseline with the original's noise. In a minute
/// that overlaps a burst the primary circuit's RTT, loss and retransmits are × U(6, 14) and its throughput ÷ the same
/// factor. From the fix time on the impacted flows run over the alternate circuit: the primary goes nearly idle
/// (throughput and retransmits drop), the alternate carries more. Background network events leave their mark on loss,
/// retransmits and throughput of their circuit (see <see cref="NetworkEventPlan"/>).
/// </summary>
internal sealed class CircuitMetricsTableWriter(CsvRowWriter csv, CircuitInventory circuits, BurstSchedule bursts, NetworkEventPlan events, Story story)
{

    public long Rows => csv.Rows;

    public void WriteMinute(long minuteTicks, ref Prng prng, GenerationStats stats)
    {
        var minute = (int)((minuteTicks - Scenario.WindowStart.Ticks) / TimeSpan.TicksPerMinute);
        var rerouted = minuteTicks >= story.FixTicks;
        foreach (var c in circuits.All)
        {
            var factor = 1.0;
            var inBurst = c.IsPrimary && bursts.Overlaps(minuteTicks, minuteTicks + TimeSpan.TicksPerMinute);
            if (inBurst)
            {
                factor = prng.Uniform(6, 14);
            }
            else if (story.ConfounderActs(Scenarios.ScenarioKinds.NetworkCircuitDegradation, c.Source, minuteTicks))
            {
                // A regional network slowdown (a confounder): every circuit out of the region about twice its RTT.
                factor = prng.Uniform(1.8, 2.6);
            }

            double loss = 1, retransmits = 1, throughput = 1;
            if (rerouted && c.IsPrimary)
            {
                retransmits = prng.Uniform(0.05, 0.1);
                throughput = prng.Uniform(0.02, 0.05);
            }
            else if (rerouted && c == circuits.Alternate)
            {
                throughput = prng.Uniform(1.25, 1.4);
            }

            if (events.EffectAt(c, minute) is { } e)
            {
                loss = e.LossFactor;
                retransmits *= e.RetransmitFactor;
                throughput *= e.ThroughputFactor;
            }

            var rtt = c.BaseRttMs * prng.Uniform(0.9, 1.1) * factor;
            if (c.IsPrimary)
            {
                (inBurst ? stats.PrimaryRttBurst : stats.PrimaryRttBaseline).Add(Math.Round(rtt, 3));
            }

            csv.TimestampSeconds(minuteTicks);
            csv.Text(V.Regions[c.Source]);
            csv.Text(V.Regions[c.Destination]);
            csv.Text(c.IdUtf8);
            csv.Fixed(rtt, 3);
            csv.Fixed(c.BaseLossPct * prng.Uniform(0.8, 1.2) * factor * loss, 6);
            csv.Fixed(c.BaseRetransmitsPerS * prng.Uniform(0.9, 1.3) * factor * retransmits, 2);
            csv.Fixed(c.BaseThroughputMbps * prng.Uniform(0.85, 1.1) / factor * throughput, 2);
            csv.EndRow();
        }
    }
}
