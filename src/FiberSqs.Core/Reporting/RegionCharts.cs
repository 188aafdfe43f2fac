using FiberSqs.Core.Model;
using OxyPlot.Series;

namespace FiberSqs.Core.Reporting;

/// <summary>The charts with one line per region: p95 end-to-end latency and timeout rate (app_logs' final rows) and
/// mean host CPU (infra_host_metrics), by hour.</summary>
internal static class RegionCharts
{
    public const string LatencyId = "latency-p95";
    public const string TimeoutId = "timeout-rate";
    public const string CpuId = "cpu";

    public static ReportChart LatencyP95(ReportTotals totals, DebriefStory story)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var title = "p95 end-to-end latency per region, by hour";
        var model = TimeCharts.Create(title, "ms", story, totals.Grid);
        AddRegions(model, Order(totals.AppLogs.Regions.Names), (region, h) =>
            totals.AppLogs.Region(region)?.Latency[h]?.Quantile(0.95) ?? double.NaN, totals.Grid);
        return ReportChart.Draw(model, LatencyId,
            "From each transaction's final app-log row (event completed or timeout), column end_to_end_latency_ms. A timed-out transaction lasts at least its timeout (3 s for the orchestrator, 6 s for a dependency, more with retries), so an hour with many of them has its p95 there.");
    }

    public static ReportChart TimeoutRate(ReportTotals totals, DebriefStory story)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var title = "Timeout rate per region, by hour";
        var model = TimeCharts.Create(title, "% of transactions", story, totals.Grid);
        AddRegions(model, Order(totals.AppLogs.Regions.Names), (region, h) =>
            100 * (totals.AppLogs.Region(region)?.TimeoutRate(h) ?? double.NaN), totals.Grid);
        return ReportChart.Draw(model, TimeoutId, "Transactions whose final row is a timeout, over all that ended in the hour.");
    }

    public static ReportChart Cpu(ReportTotals totals, DebriefStory story)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var hosts = totals.Hosts;
        var regions = Order(hosts.RegionNames);
        var members = regions.ToDictionary(r => r, r => hosts.HostsOf(r).Select(h => hosts.Cpu(h)!).ToList());
        var title = "Mean host CPU per region, by hour";
        var model = TimeCharts.Create(title, "cpu_pct", story, totals.Grid, maximum: 100);
        AddRegions(model, regions, (region, h) => Mean(members[region], h), totals.Grid);
        return ReportChart.Draw(model, CpuId, "cpu_pct from infra_host_metrics, averaged over the region's hosts.");
    }

    /// <summary>The mean of every sample of the series in the hour.</summary>
    public static double Mean(IEnumerable<MetricHours> series, int hour)
    {
        double sum = 0;
        long count = 0;
        foreach (var s in series)
        {
            sum += s.Sum[hour];
            count += s.Count[hour];
        }

        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>Regions in the dataset's usual order (east, west, central, north, south), then any others as met.</summary>
    public static List<string> Order(IEnumerable<string> names)
    {
        var seen = names.ToList();
        return [.. Scenario.Regions.Where(seen.Contains), .. seen.Where(n => !Scenario.Regions.Contains(n))];
    }

    private static void AddRegions(OxyPlot.PlotModel model, List<string> regions, Func<string, int, double> value, HourGrid grid)
    {
        for (var i = 0; i < regions.Count; i++)
        {
            var region = regions[i];
            model.Series.Add(TimeCharts.Hourly(region, ChartColors.Region(region, i), grid, h => value(region, h)));
        }
    }
}
