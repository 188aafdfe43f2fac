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

    private readonly byte[] _sourceRegion = System.Text.Encoding.UTF8.GetBytes(context.SourceRegion);
    private readonly byte[][] _saturated = [.. context.SaturatedHosts.Select(System.Text.Encoding.UTF8.GetBytes)];
    private const long SampleTicks = Tables.HostMetricsTableWriter.IntervalMinutes * TimeSpan.TicksPerMinute;

    /// <summary>The incident's source region in samples overlapping a burst and in samples outside every burst and
    /// confounder: CPU of the saturated hosts and of its other hosts, and network errors of all its hosts.</summary>
    public RunningMean SaturatedCpuBurst, SaturatedCpuOutside, OtherHostsCpuBurst, OtherHostsCpuOutside, SourceNetErrorsBurst, SourceNetErrorsOutside;

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
        var net = values.Numbers[NetErrors];
        if (name.SequenceEqual(_sourceRegion))
        {
            Incident(row.GetSpan(Host), ticks, cpu, net);
        }

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

    private void Incident(ReadOnlySpan<byte> host, long ticks, double cpu, double net)
    {
        var burst = context.OverlapsBurst(ticks, SampleTicks);
        if (!burst && (context.CpuSpike?.Contains(ticks) == true || context.Blip?.Contains(ticks) == true))
        {
            return;
        }

        var saturated = false;
        foreach (var h in _saturated)
        {
            saturated |= host.SequenceEqual(h);
        }

        if (!double.IsNaN(cpu))
        {
            ref var cpuMean = ref saturated ? ref (burst ? ref SaturatedCpuBurst : ref SaturatedCpuOutside)
                : ref (burst ? ref OtherHostsCpuBurst : ref OtherHostsCpuOutside);
            cpuMean.Add(cpu);
        }

        if (!double.IsNaN(net))
        {
            ref var netMean = ref burst ? ref SourceNetErrorsBurst : ref SourceNetErrorsOutside;
            netMean.Add(net);
        }
    }

    public override void Merge(TableCollector next)
    {
        var o = (HostMetricCollector)next;
        Hosts.Merge(o.Hosts);
        SaturatedCpuBurst.Add(o.SaturatedCpuBurst);
        SaturatedCpuOutside.Add(o.SaturatedCpuOutside);
        OtherHostsCpuBurst.Add(o.OtherHostsCpuBurst);
        OtherHostsCpuOutside.Add(o.OtherHostsCpuOutside);
        SourceNetErrorsBurst.Add(o.SourceNetErrorsBurst);
        SourceNetErrorsOutside.Add(o.SourceNetErrorsOutside);
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
