using OxyPlot;
using OxyPlot.Series;

namespace FiberSqs.Core.Reporting;

/// <summary>One chart of the report: a stable id (the figure's id in the page), its title, a caption that says what to
/// look at, its series (each drawn in its colour, and named in its legend or on its axis), and the inline SVG.</summary>
internal sealed record ReportChart(string Id, string Title, string Caption, IReadOnlyList<ChartSeries> Series, string Svg)
{
    public IEnumerable<string> SeriesNames => Series.Select(s => s.Name);

    /// <summary>Draws a chart of line series (its series read from the model).</summary>
    public static ReportChart Draw(PlotModel model, string id, string caption, double height = TimeCharts.Height)
    {
        ArgumentNullException.ThrowIfNull(model);
        var series = model.Series.Select(s => s switch
        {
            LineSeries line => new ChartSeries(line.Title, ChartColors.Css(line.Color)),
            _ => throw new ArgumentException($"Chart {id}: name the series of a {s.GetType().Name} yourself.", nameof(model)),
        }).ToList();
        return Draw(model, id, caption, series, height);
    }

    /// <summary>Draws a chart whose series are named by the caller (bars in rows).</summary>
    public static ReportChart Draw(PlotModel model, string id, string caption, IReadOnlyList<ChartSeries> series, double height)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ReportChart(id, model.Title, caption, series, SvgChart.Export(model, id, TimeCharts.Width, height));
    }
}
