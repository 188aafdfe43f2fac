using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>
/// infra_host_metrics: every host of the inventory every 5 minutes. CPU, memory and disk follow the traffic (the
/// arrival plan's load over the 5 minutes), each host with its own idle level and response, and CPU approaches 100%
/// smoothly (1 − e^−x), so nothing shows a flat cap. Central CPU sits between 75 and 97% in the CPU spike; west
/// network errors rise to 0.1–0.4/s in the deployment blip (the original's confounders).
/// </summary>
internal sealed class HostMetricsTableWriter(CsvRowWriter csv, HostFleet fleet, ArrivalPlan plan, Story story)
{
    public const int IntervalMinutes = 5;

    public long Rows => csv.Rows;

    public void WriteSample(long ticks, ref Prng prng)
    {
        var minute = (int)((ticks - Scenario.WindowStart.Ticks) / TimeSpan.TicksPerMinute);
        double load = 0;
        for (var m = minute; m < minute + IntervalMinutes; m++)
        {
            load += plan.LoadAt(m);
        }

        load /= IntervalMinutes;
        for (var r = 0; r < Scenario.Regions.Count; r++)
        {
            var cpuSpike = r == story.ConfounderRegions[0] && story.InConfounderWindow(0, ticks);
            var blip = r == story.ConfounderRegions[1] && story.InConfounderWindow(1, ticks);
            for (var h = 1; h <= HostFleet.Count(r); h++)
            {
                var t = fleet.Traits(r, h);
                var busy = -PortableMath.Log(1 - t.CpuIdle) + t.CpuPerLoad * load * (1 + 0.06 * prng.StandardNormal());
                var cpu = cpuSpike
                    ? 75 + 22 / (1 + PortableMath.Exp(-(0.4 + 0.9 * prng.StandardNormal() + 0.3 * (load - 1))))
                    : 100 * (1 - PortableMath.Exp(-busy)) + 1.2 * prng.StandardNormal();
                csv.TimestampSeconds(ticks);
                csv.Text(V.Regions[r]);
                csv.Text(V.Hosts[r][h]);
                csv.Fixed(cpu, 2);
                csv.Fixed(t.MemBase + 7 * load + 1.2 * prng.StandardNormal(), 2);
                csv.Fixed(t.DiskBase + 16 * load + 2 * prng.StandardNormal(), 2);
                csv.Fixed(blip ? prng.Uniform(0.1, 0.4) : prng.Uniform(0.01, 0.08), 3);
                csv.EndRow();
            }
        }
    }
}
