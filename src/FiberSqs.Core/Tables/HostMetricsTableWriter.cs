using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>
/// infra_host_metrics: every host of the inventory every 5 minutes. CPU, memory and disk follow the traffic (the
/// arrival plan's load over the 5 minutes), each host with its own idle level and response, and CPU approaches 100%
/// smoothly (1 − e^−x), so nothing shows a flat cap. Central CPU sits between 75 and 97% in the CPU spike; west
/// network errors rise to 0.1–0.4/s in the deployment blip (the original's confounders). An incident of saturated
/// hosts drives those hosts (only) to 88–99% in every sample overlapping a burst; a regressed release raises its
/// region's network errors to 0.15–0.6/s in those samples.
/// </summary>
internal sealed class HostMetricsTableWriter(CsvRowWriter csv, HostFleet fleet, ArrivalPlan plan, BurstSchedule bursts, Story story)
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
        // Only a stall shows on the hosts (a circuit or a dependency fails elsewhere).
        var inBurst = story.StallsLocally && bursts.Overlaps(ticks, ticks + IntervalMinutes * TimeSpan.TicksPerMinute);
        for (var r = 0; r < Scenario.Regions.Count; r++)
        {
            var cpuSpike = story.ConfounderActs(Scenarios.ScenarioKinds.HostSaturation, r, ticks);
            var blip = story.ConfounderActs(Scenarios.ScenarioKinds.DeploymentRegression, r, ticks);
            var regressed = inBurst && r == story.SourceRegion && story.Kind == Scenarios.ScenarioKinds.DeploymentRegression;
            for (var h = 1; h <= HostFleet.Count(r); h++)
            {
                var t = fleet.Traits(r, h);
                var busy = -PortableMath.Log(1 - t.CpuIdle) + t.CpuPerLoad * load * (1 + 0.06 * prng.StandardNormal());
                var cpu = inBurst && story.IsSaturated(r, h)
                    ? 88 + 11 / (1 + PortableMath.Exp(-(0.6 + 0.8 * prng.StandardNormal())))
                    : cpuSpike
                    ? 75 + 22 / (1 + PortableMath.Exp(-(0.4 + 0.9 * prng.StandardNormal() + 0.3 * (load - 1))))
                    : 100 * (1 - PortableMath.Exp(-busy)) + 1.2 * prng.StandardNormal();
                csv.TimestampSeconds(ticks);
                csv.Text(V.Regions[r]);
                csv.Text(V.Hosts[r][h]);
                csv.Fixed(cpu, 2);
                csv.Fixed(t.MemBase + 7 * load + 1.2 * prng.StandardNormal(), 2);
                csv.Fixed(t.DiskBase + 16 * load + 2 * prng.StandardNormal(), 2);
                csv.Fixed(regressed ? prng.Uniform(0.15, 0.6) : blip ? prng.Uniform(0.1, 0.4) : prng.Uniform(0.01, 0.08), 3);
                csv.EndRow();
            }
        }
    }
}
