using CsvHelper;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Reporting;

/// <summary>What the report needs from infra_host_metrics: per host and hour, cpu_pct and net_errs_per_s (sum, count,
/// largest), and the region each host reports from (its first row's).</summary>
internal sealed class HostTotals
{
    private static readonly int TimestampColumn = TableCatalog.InfraHostMetrics.IndexOf("timestamp");
    private static readonly int RegionColumn = TableCatalog.InfraHostMetrics.IndexOf("region");
    private static readonly int HostColumn = TableCatalog.InfraHostMetrics.IndexOf("host");
    private static readonly int CpuColumn = TableCatalog.InfraHostMetrics.IndexOf("cpu_pct");
    private static readonly int NetErrorsColumn = TableCatalog.InfraHostMetrics.IndexOf("net_errs_per_s");

    private readonly HourGrid _grid;
    private readonly List<Host> _hosts = [];

    public HostTotals(HourGrid grid) => _grid = grid;

    public NameTable Hosts { get; } = new(10_000);

    public NameTable Regions { get; } = new(64);

    public long SkippedRows { get; private set; }

    public void Row(CsvReader row)
    {
        var hour = FieldText.TryParseTimestamp(row.GetSpan(TimestampColumn), micros: false, out var ticks) ? _grid.IndexOf(ticks) : -1;
        var host = hour < 0 ? -1 : Hosts.IndexOf(row.GetSpan(HostColumn));
        if (host < 0)
        {
            SkippedRows++;
            return;
        }

        var entry = HostAt(host, () => Regions.IndexOf(row.GetSpan(RegionColumn)));
        if (row.TryParse<double>(CpuColumn, out var cpu) && double.IsFinite(cpu))
        {
            entry.Cpu.Add(hour, cpu);
        }

        if (row.TryParse<double>(NetErrorsColumn, out var errors) && double.IsFinite(errors))
        {
            entry.NetErrors.Add(hour, errors);
        }
    }

    public void Merge(HostTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        SkippedRows += other.SkippedRows;
        for (var i = 0; i < other._hosts.Count; i++)
        {
            var theirs = other._hosts[i];
            var mine = Hosts.IndexOf(other.Hosts.NameOf(i));
            if (mine < 0)
            {
                SkippedRows += theirs.Cpu.Count.Sum();
                continue;
            }

            var entry = HostAt(mine, () => theirs.Region < 0 ? -1 : Regions.IndexOf(other.Regions.NameOf(theirs.Region)));
            entry.Cpu.Merge(theirs.Cpu);
            entry.NetErrors.Merge(theirs.NetErrors);
        }
    }

    /// <summary>The hosts that report from <paramref name="region"/>, by name.</summary>
    public IEnumerable<string> HostsOf(string region) =>
        _hosts.Select((h, i) => (h, i)).Where(x => x.h.Region >= 0 && Regions.NameOf(x.h.Region) == region).Select(x => Hosts.NameOf(x.i));

    public MetricHours? Cpu(string host) => Find(host)?.Cpu;

    public MetricHours? NetErrors(string host) => Find(host)?.NetErrors;

    /// <summary>The region names in the order they first appeared.</summary>
    public IEnumerable<string> RegionNames => Regions.Names;

    private Host? Find(string name)
    {
        var i = Hosts.Find(name);
        return i < 0 || i >= _hosts.Count ? null : _hosts[i];
    }

    private Host HostAt(int index, Func<int> region)
    {
        while (_hosts.Count <= index)
        {
            _hosts.Add(null!);
        }

        return _hosts[index] ??= new Host(region(), new MetricHours(_grid.Count), new MetricHours(_grid.Count));
    }

    private sealed record Host(int Region, MetricHours Cpu, MetricHours NetErrors);
}
