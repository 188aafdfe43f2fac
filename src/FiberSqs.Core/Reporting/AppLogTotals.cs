using CsvHelper;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Reporting;

/// <summary>
/// What the report needs from app_logs, in bounded memory: per region and hour, the transactions that ended (the
/// final row, event <c>completed</c> or <c>timeout</c>), their timeouts and a histogram of end_to_end_latency_ms; and
/// per dependency (dependency_region, dependency_service) and hour, the calls made, those that ended in a timeout and
/// the dependency_latency_ms they report. Every other row is skipped after reading its event.
/// </summary>
internal sealed class AppLogTotals
{
    private static readonly int TimestampColumn = TableCatalog.AppLogs.IndexOf("timestamp");
    private static readonly int RegionColumn = TableCatalog.AppLogs.IndexOf("region");
    private static readonly int EventColumn = TableCatalog.AppLogs.IndexOf("event");
    private static readonly int DependencyRegionColumn = TableCatalog.AppLogs.IndexOf("dependency_region");
    private static readonly int DependencyServiceColumn = TableCatalog.AppLogs.IndexOf("dependency_service");
    private static readonly int DependencyLatencyColumn = TableCatalog.AppLogs.IndexOf("dependency_latency_ms");
    private static readonly int LatencyColumn = TableCatalog.AppLogs.IndexOf("end_to_end_latency_ms");

    private readonly HourGrid _grid;
    private readonly List<RegionHours> _regions = [];
    private readonly Dictionary<(int Region, int Service), DependencyHours> _dependencies = [];

    public AppLogTotals(HourGrid grid) => _grid = grid;

    public NameTable Regions { get; } = new(64);

    public NameTable DependencyRegions { get; } = new(64);

    public NameTable DependencyServices { get; } = new(256);

    /// <summary>Final rows counted (inside the window, with a region the table had room for).</summary>
    public long FinalRows { get; private set; }

    /// <summary>Final rows left out: a timestamp outside the grid or unreadable, or a region past the table's bound.</summary>
    public long SkippedRows { get; private set; }

    public void Row(CsvReader row)
    {
        var ev = row.GetSpan(EventColumn);
        var timedOut = ev.SequenceEqual("timeout"u8);
        if (!timedOut && !ev.SequenceEqual("completed"u8))
        {
            return;
        }

        var hour = FieldText.TryParseTimestamp(row.GetSpan(TimestampColumn), micros: true, out var ticks) ? _grid.IndexOf(ticks) : -1;
        var region = hour < 0 ? -1 : Regions.IndexOf(row.GetSpan(RegionColumn));
        if (region < 0)
        {
            SkippedRows++;
            return;
        }

        FinalRows++;
        var latency = row.GetSpan(LatencyColumn).IsEmpty || !row.TryParse<double>(LatencyColumn, out var ms) ? double.NaN : ms;
        RegionAt(region).Add(hour, latency, timedOut);

        var dependencyRegion = DependencyRegions.IndexOf(row.GetSpan(DependencyRegionColumn));
        if (dependencyRegion >= 0)
        {
            // An empty service still counts under its region (index -1 is a valid key).
            var service = DependencyServices.IndexOf(row.GetSpan(DependencyServiceColumn));
            var dependencyLatency = row.GetSpan(DependencyLatencyColumn).IsEmpty || !row.TryParse<double>(DependencyLatencyColumn, out var d)
                ? double.NaN : d;
            DependencyAt(dependencyRegion, service).Add(hour, dependencyLatency, timedOut);
        }
    }

    public void Merge(AppLogTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        FinalRows += other.FinalRows;
        SkippedRows += other.SkippedRows;
        for (var i = 0; i < other._regions.Count; i++)
        {
            var mine = Regions.IndexOf(other.Regions.NameOf(i));
            if (mine < 0)
            {
                SkippedRows += other._regions[i].Finals.Sum();
                continue;
            }

            RegionAt(mine).Merge(other._regions[i]);
        }

        foreach (var ((region, service), hours) in other._dependencies)
        {
            var r = DependencyRegions.IndexOf(other.DependencyRegions.NameOf(region));
            var s = service < 0 ? -1 : DependencyServices.IndexOf(other.DependencyServices.NameOf(service));
            if (r >= 0)
            {
                DependencyAt(r, s).Merge(hours);
            }
        }
    }

    /// <summary>The region's hours, or null when the table has no row of it.</summary>
    public RegionHours? Region(string name)
    {
        var i = Regions.Find(name);
        return i < 0 || i >= _regions.Count ? null : _regions[i];
    }

    /// <summary>Every region's hours added up but those of <paramref name="except"/>.</summary>
    public RegionHours OtherRegions(string except)
    {
        var total = new RegionHours(_grid.Count);
        for (var i = 0; i < _regions.Count; i++)
        {
            if (Regions.NameOf(i) != except)
            {
                total.Merge(_regions[i]);
            }
        }

        return total;
    }

    /// <summary>The calls to a dependency region (of one service, or of every service when null), added up; null when none.</summary>
    public DependencyHours? Dependency(string region, string? service)
    {
        DependencyHours? total = null;
        foreach (var ((r, s), hours) in _dependencies)
        {
            if (DependencyRegions.NameOf(r) == region && (service is null || (s >= 0 && DependencyServices.NameOf(s) == service)))
            {
                (total ??= new DependencyHours(_grid.Count)).Merge(hours);
            }
        }

        return total;
    }

    /// <summary>Calls to every dependency region but <paramref name="except"/> (of one service, or all when null).</summary>
    public DependencyHours? OtherDependencies(string except, string? service)
    {
        DependencyHours? total = null;
        foreach (var name in DependencyRegions.Names.Where(n => n != except))
        {
            if (Dependency(name, service) is { } hours)
            {
                (total ??= new DependencyHours(_grid.Count)).Merge(hours);
            }
        }

        return total;
    }

    private RegionHours RegionAt(int index)
    {
        while (_regions.Count <= index)
        {
            _regions.Add(new RegionHours(_grid.Count));
        }

        return _regions[index];
    }

    private DependencyHours DependencyAt(int region, int service)
    {
        if (!_dependencies.TryGetValue((region, service), out var hours))
        {
            hours = new DependencyHours(_grid.Count);
            _dependencies.Add((region, service), hours);
        }

        return hours;
    }
}
