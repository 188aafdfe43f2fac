using FiberSqs.Core.Generation;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>network_circuit_metrics: every circuit, every minute. In a burst minute the primary circuit's RTT,
/// loss and retransmits are × U(6, 14) and its throughput ÷ the same factor.</summary>
internal sealed class CircuitMetricsTableWriter(CsvRowWriter csv, CircuitInventory circuits, BurstSchedule bursts)
{
    public long Rows => csv.Rows;

    public void WriteMinute(long minuteTicks, ref Prng prng, GenerationStats stats)
    {
        foreach (var c in circuits.All)
        {
            var factor = 1.0;
            var inBurst = c.IsPrimary && bursts.Overlaps(minuteTicks, minuteTicks + TimeSpan.TicksPerMinute);
            if (inBurst)
            {
                factor = prng.Uniform(6, 14);
            }

            var rtt = c.BaseRttMs * prng.Uniform(0.94, 1.08) * factor;
            if (c.IsPrimary)
            {
                (inBurst ? stats.PrimaryRttBurst : stats.PrimaryRttBaseline).Add(Math.Round(rtt, 3));
            }

            csv.TimestampSeconds(minuteTicks);
            csv.Text(V.Regions[c.Source]);
            csv.Text(V.Regions[c.Destination]);
            csv.Text(c.IdUtf8);
            csv.Fixed(rtt, 3);
            csv.Fixed(c.BaseLossPct * prng.Uniform(0.5, 1.5) * factor, 6);
            csv.Fixed(c.BaseRetransmitsPerS * prng.Uniform(0.8, 1.2) * factor, 2);
            csv.Fixed(c.BaseThroughputMbps * prng.Uniform(0.92, 1.04) / factor, 2);
            csv.EndRow();
        }
    }
}
