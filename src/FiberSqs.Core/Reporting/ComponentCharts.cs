using FiberSqs.Core.Scenarios;
using OxyPlot;

namespace FiberSqs.Core.Reporting;

/// <summary>
/// The primary component against its peers, by incident kind: a degrading circuit's RTT against the other circuits (of
/// its region pair, and all of them); saturated hosts' CPU against their region's other hosts; calls to a failing
/// dependency (error rate, latency) by the region called; a deployment's region against the others (latency, host
/// network errors).
/// </summary>
internal static class ComponentCharts
{
    public const string Id = "component";
    public const string SecondId = "component-2";

    public static IReadOnlyList<ReportChart> Build(ReportTotals totals, DebriefStory story)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(story);
        return story.Kind switch
        {
            ScenarioKinds.HostSaturation => [Hosts(totals, story)],
            ScenarioKinds.DependencyOutage => Dependency(totals, story),
            ScenarioKinds.DeploymentRegression => Deployment(totals, story),
            _ => [Circuit(totals, story)],
        };
    }

    private static ReportChart Circuit(ReportTotals totals, DebriefStory story)
    {
        var grid = totals.Grid;
        var circuit = story.Primary.CircuitId ?? "";
        var (src, dst) = (story.Primary.SrcRegion, story.Primary.DstRegion);
        var rtt = totals.Circuits.Rtt(circuit);
        var others = totals.Circuits.All.Where(c => c.Id != circuit).ToList();
        var pair = others.Where(c => c.Source == src && c.Destination == dst).Select(c => totals.Circuits.Rtt(c.Id)!).ToList();
        var rest = others.Select(c => totals.Circuits.Rtt(c.Id)!).ToList();
        var title = $"RTT of {circuit} against the other circuits";
        var model = TimeCharts.Create(title, "rtt_ms", story, grid);
        model.Series.Add(TimeCharts.Hourly($"{circuit} hourly peak", ChartColors.Incident, grid, h => rtt?.Max[h] ?? double.NaN, 1.8));
        model.Series.Add(TimeCharts.Hourly($"{circuit} hourly mean", OxyColor.FromRgb(240, 140, 140), grid, h => rtt?.Mean(h) ?? double.NaN, 1.2));
        if (pair.Count > 0)
        {
            model.Series.Add(TimeCharts.Hourly($"other {src}→{dst} circuits ({pair.Count}) peak", ChartColors.Palette[1], grid, h => Peak(pair, h), 1.4));
        }

        model.Series.Add(TimeCharts.Hourly($"all other circuits ({rest.Count}) peak", OxyColor.FromRgb(110, 110, 110), grid, h => Peak(rest, h), 1.2,
            LineStyle.Dash));
        return ReportChart.Draw(model, Id,
            $"rtt_ms from network_circuit_metrics. The bursts are minutes long, so the hourly peak shows them where the mean dilutes them; no other circuit, of the same pair or any, rises with {circuit}.");
    }

    private static ReportChart Hosts(ReportTotals totals, DebriefStory story)
    {
        var grid = totals.Grid;
        var region = story.Primary.SrcRegion;
        var saturated = (story.Primary.Hosts ?? []).Distinct().ToList();
        var peers = totals.Hosts.HostsOf(region).Where(h => !saturated.Contains(h)).Select(h => totals.Hosts.Cpu(h)!).ToList();
        var title = $"CPU of the saturated hosts against {region}'s other hosts";
        var model = TimeCharts.Create(title, "cpu_pct", story, grid, maximum: 100);
        const int Drawn = 6;
        for (var i = 0; i < Math.Min(Drawn, saturated.Count); i++)
        {
            var cpu = totals.Hosts.Cpu(saturated[i]);
            model.Series.Add(TimeCharts.Hourly(saturated[i], ChartColors.Palette[i % ChartColors.Palette.Count], grid, h => cpu?.Mean(h) ?? double.NaN, 1.6));
        }

        if (saturated.Count > Drawn)
        {
            var rest = saturated.Skip(Drawn).Select(totals.Hosts.Cpu).OfType<MetricHours>().ToList();
            model.Series.Add(TimeCharts.Hourly($"{saturated.Count - Drawn} more saturated hosts (mean)", ChartColors.Palette[6], grid, h => RegionCharts.Mean(rest, h)));
        }

        model.Series.Add(TimeCharts.Hourly($"{region}'s other hosts ({peers.Count}) mean", OxyColor.FromRgb(60, 60, 60), grid, h => RegionCharts.Mean(peers, h), 1.4));
        model.Series.Add(TimeCharts.Hourly($"{region}'s other hosts highest", OxyColor.FromRgb(150, 150, 150), grid, h => HighestMean(peers, h), 1.2, LineStyle.Dash));
        return ReportChart.Draw(model, Id,
            $"Hourly mean cpu_pct of each saturated host from infra_host_metrics, against the mean and the busiest of {region}'s other hosts.");
    }

    private static List<ReportChart> Dependency(ReportTotals totals, DebriefStory story)
    {
        var grid = totals.Grid;
        var service = story.Primary.Service;
        var failing = story.Primary.DstRegion;
        var regions = RegionCharts.Order(totals.AppLogs.DependencyRegions.Names);
        var calls = regions.ToDictionary(r => r, r => totals.AppLogs.Dependency(r, service));
        var what = service is { Length: > 0 } ? service : "dependencies";
        var errorTitle = $"Calls to {what}: timeout rate by the region called";
        var errors = TimeCharts.Create(errorTitle, "% of calls", story, grid);
        var latencyTitle = $"Calls to {what}: mean dependency latency by the region called";
        var latency = TimeCharts.Create(latencyTitle, "dependency_latency_ms", story, grid);
        for (var i = 0; i < regions.Count; i++)
        {
            var r = regions[i];
            var hours = calls[r];
            var name = $"to {r}";
            var thick = r == failing ? 2.2 : 1.2;
            errors.Series.Add(TimeCharts.Hourly(name, ChartColors.Region(r, i), grid, h => 100 * (hours?.ErrorRate(h) ?? double.NaN), thick));
            latency.Series.Add(TimeCharts.Hourly(name, ChartColors.Region(r, i), grid, h => hours?.MeanLatency(h) ?? double.NaN, thick));
        }

        const string Source = "From the final app-log row of each transaction that called the dependency: dependency_region, dependency_latency_ms, and whether the event is a timeout.";
        return
        [
            ReportChart.Draw(errors, Id, $"{Source} Calls to {failing} fail whatever circuit they take; calls to the other regions do not."),
            ReportChart.Draw(latency, SecondId, $"{Source} The latency callers see from {what} in {failing}, against the same service elsewhere."),
        ];
    }

    private static List<ReportChart> Deployment(ReportTotals totals, DebriefStory story)
    {
        var grid = totals.Grid;
        var region = story.Primary.SrcRegion;
        var mine = totals.AppLogs.Region(region);
        var others = totals.AppLogs.OtherRegions(region);
        var latencyTitle = $"p95 end-to-end latency: {region} against the other regions";
        var latency = TimeCharts.Create(latencyTitle, "ms", story, grid);
        latency.Series.Add(TimeCharts.Hourly(region, ChartColors.Region(region, 0), grid, h => mine?.Latency[h]?.Quantile(0.95) ?? double.NaN, 2));
        latency.Series.Add(TimeCharts.Hourly("other regions", OxyColor.FromRgb(110, 110, 110), grid, h => others.Latency[h]?.Quantile(0.95) ?? double.NaN, 1.4));

        var hosts = totals.Hosts;
        var regions = RegionCharts.Order(hosts.RegionNames);
        var errorsTitle = "Host network errors per region, by hour";
        var errors = TimeCharts.Create(errorsTitle, "net_errs_per_s", story, grid);
        for (var i = 0; i < regions.Count; i++)
        {
            var r = regions[i];
            var series = hosts.HostsOf(r).Select(h => hosts.NetErrors(h)!).ToList();
            errors.Series.Add(TimeCharts.Hourly(r, ChartColors.Region(r, i), grid, h => RegionCharts.Mean(series, h), r == region ? 2.2 : 1.2));
        }

        return
        [
            ReportChart.Draw(latency, Id, $"The released service runs in {region}: its transactions slow while the other regions' do not."),
            ReportChart.Draw(errors, SecondId, $"Mean net_errs_per_s of each region's hosts from infra_host_metrics: {region}'s rise with the release."),
        ];
    }

    /// <summary>The largest sample of any of the series in the hour.</summary>
    private static double Peak(List<MetricHours> series, int hour)
    {
        var peak = double.NaN;
        foreach (var s in series)
        {
            if (!(peak >= s.Max[hour]) && !double.IsNaN(s.Max[hour]))
            {
                peak = s.Max[hour];
            }
        }

        return peak;
    }

    /// <summary>The largest hourly mean of any of the series (the busiest peer host in that hour).</summary>
    private static double HighestMean(List<MetricHours> series, int hour)
    {
        var highest = double.NaN;
        foreach (var s in series)
        {
            var mean = s.Mean(hour);
            if (!(highest >= mean) && !double.IsNaN(mean))
            {
                highest = mean;
            }
        }

        return highest;
    }
}
