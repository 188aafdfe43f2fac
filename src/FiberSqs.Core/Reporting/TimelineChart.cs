using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace FiberSqs.Core.Reporting;

/// <summary>The week at a glance: one row for the incident window, one for its bursts, one per confounder, each a bar
/// over its time, and the fix marked.</summary>
internal static class TimelineChart
{
    public const string Id = "timeline";

    public static ReportChart Build(DebriefStory story, HourGrid grid)
    {
        ArgumentNullException.ThrowIfNull(story);
        var rows = new List<string> { "incident window", $"bursts ({story.Bursts.Count})" };
        rows.AddRange(story.Confounders.Select(c => c.Name));
        var model = TimeCharts.NewModel("Timeline of the week");
        model.Legends.Clear();
        model.Axes.Add(TimeCharts.WeekAxis(grid));
        var categories = new CategoryAxis { Position = AxisPosition.Left, StartPosition = 1, EndPosition = 0, GapWidth = 0.5 };
        categories.Labels.AddRange(rows);
        model.Axes.Add(categories);

        var bars = new IntervalBarSeries { Title = "windows", StrokeThickness = 0, LabelFormatString = null };
        bars.Items.Add(Bar(story.Incident, 0, ChartColors.Incident));
        foreach (var burst in story.Bursts)
        {
            bars.Items.Add(Bar(burst, 1, ChartColors.Incident));
        }

        for (var i = 0; i < story.Confounders.Count; i++)
        {
            bars.Items.Add(Bar(story.Confounders[i].Window, 2 + i, ChartColors.Confounder(i)));
        }

        model.Series.Add(bars);
        model.Annotations.Add(new OxyPlot.Annotations.LineAnnotation
        {
            Type = OxyPlot.Annotations.LineAnnotationType.Vertical,
            X = DateTimeAxis.ToDouble(story.FixTime),
            Color = ChartColors.Fix,
            LineStyle = LineStyle.Dash,
            Text = "fix",
            TextColor = ChartColors.Fix,
            TextOrientation = OxyPlot.Annotations.AnnotationTextOrientation.Horizontal,
        });
        var incident = ChartColors.Css(ChartColors.Incident);
        List<ChartSeries> series = [new(rows[0], incident), new(rows[1], incident), .. story.Confounders.Select((c, i) => new ChartSeries(c.Name, ChartColors.Css(ChartColors.Confounder(i))))];
        return ReportChart.Draw(model, Id,
            "The incident window and its bursts (red), each red herring's window, and the fix (dashed).", series, 90 + (28 * rows.Count));
    }

    private static IntervalBarItem Bar(TimeWindow window, int row, OxyColor color) => new()
    {
        Start = DateTimeAxis.ToDouble(window.Start),
        End = DateTimeAxis.ToDouble(window.End),
        CategoryIndex = row,
        Color = color,
    };
}
