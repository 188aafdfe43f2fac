using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace FiberSqs.Core.Reporting;

/// <summary>Support (TSO) calls per hour: every region's, and those of the incident's region's customers.</summary>
internal static class SupportCallsChart
{
    public const string Id = "support-calls";

    public static ReportChart Build(ReportTotals totals, DebriefStory story)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(story);
        var grid = totals.Grid;
        var region = story.Primary.SrcRegion;
        var title = "Support calls per hour";
        var model = TimeCharts.Create(title, "calls", story, grid, counts: true);
        var all = $"all regions ({totals.SupportCalls.Total.Sum():N0})";
        var mine = totals.SupportCalls.Of(region);
        var local = $"{region} customers ({mine.Sum():N0})";
        model.Series.Add(Steps(all, OxyColor.FromRgb(60, 60, 60), grid, totals.SupportCalls.Total));
        model.Series.Add(Steps(local, ChartColors.Region(region, 0), grid, mine));
        return ReportChart.Draw(model, Id,
            "tso_calls by the hour they were logged. Customers call minutes to hours after their transaction failed, and some calls name no transaction or the wrong one (see the noise table).");
    }

    /// <summary>Steps drawn as one line (each hour's count held from its start to its end), so each series is one path.</summary>
    private static LineSeries Steps(string title, OxyColor color, HourGrid grid, int[] calls)
    {
        var series = new LineSeries { Title = title, Color = color, StrokeThickness = 1.3 };
        for (var h = 0; h < grid.Count; h++)
        {
            series.Points.Add(new DataPoint(DateTimeAxis.ToDouble(grid.HourStart(h)), calls[h]));
            series.Points.Add(new DataPoint(DateTimeAxis.ToDouble(grid.HourStart(h + 1)), calls[h]));
        }

        return series;
    }
}
