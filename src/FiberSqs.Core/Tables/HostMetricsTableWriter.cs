using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>infra_host_metrics: 12 hosts per region every 5 minutes; central CPU U(75, 97) in the CPU spike,
/// west network errors U(0.1, 0.4) in the deployment blip.</summary>
internal sealed class HostMetricsTableWriter(CsvRowWriter csv)
{
    public const int IntervalMinutes = 5;

    public long Rows => csv.Rows;

    public void WriteSample(long ticks, ref Prng prng)
    {
        for (var r = 0; r < Scenario.Regions.Count; r++)
        {
            var cpuSpike = r == ModelParameters.CentralRegion && ModelParameters.InConfounder(r, ticks);
            var blip = r == ModelParameters.WestRegion && ModelParameters.InConfounder(r, ticks);
            for (var h = 1; h <= Scenario.HostsPerRegion; h++)
            {
                csv.TimestampSeconds(ticks);
                csv.Text(V.Regions[r]);
                csv.Text(V.Hosts[r][h]);
                csv.Fixed(cpuSpike ? prng.Uniform(75, 97) : prng.Uniform(18, 52), 2);
                csv.Fixed(prng.Uniform(40, 70), 2);
                csv.Fixed(prng.Uniform(20, 60), 2);
                csv.Fixed(blip ? prng.Uniform(0.1, 0.4) : prng.Uniform(0.01, 0.08), 3);
                csv.EndRow();
            }
        }
    }
}
