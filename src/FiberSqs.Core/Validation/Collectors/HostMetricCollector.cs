using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>infra_host_metrics: per region, CPU in the CPU spike and at that time of day on the other days, network
/// errors likewise for the deployment blip; and the host names.</summary>
internal sealed class HostMetricCollector(ScanContext context) : TableCollector
{
    private static readonly TableSchema T = TableCatalog.InfraHostMetrics;
    private static readonly int Timestamp = T.IndexOf("timestamp");
    private static readonly int Region = T.IndexOf("region");
    private static readonly int Host = T.IndexOf("host");
    private static readonly int Cpu = T.IndexOf("cpu_pct");
    private static readonly int NetErrors = T.IndexOf("net_errs_per_s");

    public Dictionary<long, RegionHostStats> Regions { get; } = [];
    public NameSet Hosts { get; } = new();

    public override void Row(CsvReader row, RowValues values)
    {
        Hosts.Add(row.GetSpan(Host));
        var ticks = values.Ticks[Timestamp];
        if (ticks == RowValues.NoTicks)
        {
            return;
        }

        var name = row.GetSpan(Region);
        var key = FieldText.Hash(name);
        if (!Regions.TryGetValue(key, out var r))
        {
            Regions[key] = r = new RegionHostStats(System.Text.Encoding.UTF8.GetString(name));
        }

        var cpu = values.Numbers[Cpu];
        if (!double.IsNaN(cpu))
        {
            r.CpuMax = Math.Max(r.CpuMax, cpu);
            if (context.CpuSpike?.Contains(ticks) == true)
            {
                r.CpuInSpike.Add(cpu);
            }
            else if (context.CpuSpike?.SameTimeOtherDay(ticks) == true)
            {
                r.CpuOutside.Add(cpu);
            }
        }

        var net = values.Numbers[NetErrors];
        if (!double.IsNaN(net))
        {
            if (context.Blip?.Contains(ticks) == true)
            {
                r.NetErrorsInBlip.Add(net);
            }
            else if (context.Blip?.SameTimeOtherDay(ticks) == true)
            {
                r.NetErrorsOutside.Add(net);
            }
        }
    }

    public override void Merge(TableCollector next)
    {
        var o = (HostMetricCollector)next;
        Hosts.Merge(o.Hosts);
        foreach (var (key, s) in o.Regions)
        {
            if (!Regions.TryGetValue(key, out var r))
            {
                Regions[key] = s;
                continue;
            }

            r.CpuInSpike.Add(s.CpuInSpike);
            r.CpuOutside.Add(s.CpuOutside);
            r.NetErrorsInBlip.Add(s.NetErrorsInBlip);
            r.NetErrorsOutside.Add(s.NetErrorsOutside);
            r.CpuMax = Math.Max(r.CpuMax, s.CpuMax);
        }
    }
}
