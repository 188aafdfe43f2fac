using System.Globalization;
using OxyPlot;
using OxyPlot.Annotations;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace FiberSqs.Core.Reporting;

/// <summary>The frame every time chart of the report shares: the week on a UTC time axis (a label a day), a value axis,
/// a legend below the plot, the incident window and every confounder window shaded and named, and the fix time
/// marked; and the hourly line series drawn on it.</summary>
internal static class TimeCharts
{
    public const double Width = 960;
    public const double Height = 350;

    /// <summary>The week along the bottom, a day per major step (every time chart and the timeline share it).</summary>
    public static DateTimeAxis WeekAxis(HourGrid grid) => new()
    {
        Position = AxisPosition.Bottom,
        Minimum = DateTimeAxis.ToDouble(grid.Start),
        Maximum = DateTimeAxis.ToDouble(grid.End),
        IntervalType = DateTimeIntervalType.Days,
        MajorStep = 1,
        MinorStep = 0.25,
        StringFormat = "ddd dd MMM",
        Title = "UTC",
        MajorGridlineStyle = LineStyle.Dot,
        MajorGridlineColor = OxyColor.FromRgb(210, 210, 210),
    };

    /// <summary>A time chart; <paramref name="counts"/> keeps the value axis on whole numbers.</summary>
    public static PlotModel Create(string title, string valueTitle, DebriefStory story, HourGrid grid, double? maximum = null, bool counts = false)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(grid);
        var model = NewModel(title);
        model.Axes.Add(WeekAxis(grid));
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Left,
            Title = valueTitle,
            AxisTitleDistance = 8,
            Minimum = 0,
            Maximum = maximum ?? double.NaN,
            MaximumPadding = 0.08,
            MinimumMajorStep = counts ? 1 : 0,
            MinimumMinorStep = counts ? 1 : 0,
            MajorGridlineStyle = LineStyle.Dot,
            MajorGridlineColor = OxyColor.FromRgb(225, 225, 225),
        });
        ShadeWindows(model, story);
        return model;
    }

    /// <summary>A plot model with the report's font, culture and legend (outside the plot, below it).</summary>
    public static PlotModel NewModel(string title)
    {
        var model = new PlotModel
        {
            Title = title,
            TitleFontSize = 15,
            DefaultFont = SvgChart.Font,
            DefaultFontSize = 11,
            Culture = CultureInfo.InvariantCulture,
            Background = OxyColors.White,
            PlotAreaBorderColor = OxyColor.FromRgb(160, 160, 160),
        };
        model.Legends.Add(new Legend
        {
            // Below the plot, so every time chart's plot area spans the same width and their days line up.
            LegendPlacement = LegendPlacement.Outside,
            LegendPosition = LegendPosition.BottomCenter,
            LegendOrientation = LegendOrientation.Horizontal,
            LegendFontSize = 11,
            LegendItemSpacing = 18,
        });
        return model;
    }

    /// <summary>A line through one value per hour (drawn at the middle of the hour); NaN leaves a gap.</summary>
    public static LineSeries Hourly(string title, OxyColor color, HourGrid grid, Func<int, double> value, double thickness = 1.6,
        LineStyle style = LineStyle.Solid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(value);
        var series = new LineSeries { Title = title, Color = color, StrokeThickness = thickness, LineStyle = style };
        for (var h = 0; h < grid.Count; h++)
        {
            var v = value(h);
            series.Points.Add(double.IsFinite(v) ? new DataPoint(DateTimeAxis.ToDouble(grid.HourMiddle(h)), v) : DataPoint.Undefined);
        }

        return series;
    }

    private static void ShadeWindows(PlotModel model, DebriefStory story)
    {
        model.Annotations.Add(Shade(story.Incident, ChartColors.IncidentShade, "incident"));
        for (var i = 0; i < story.Confounders.Count; i++)
        {
            model.Annotations.Add(Shade(story.Confounders[i].Window, ChartColors.ConfounderShade(i), story.Confounders[i].Name));
        }

        model.Annotations.Add(new LineAnnotation
        {
            Type = LineAnnotationType.Vertical,
            X = DateTimeAxis.ToDouble(story.FixTime),
            Color = ChartColors.Fix,
            LineStyle = LineStyle.Dash,
            StrokeThickness = 1,
            Text = "fix",
            TextColor = ChartColors.Fix,
            TextOrientation = AnnotationTextOrientation.Horizontal,
            TextVerticalAlignment = VerticalAlignment.Top,
            Layer = AnnotationLayer.BelowSeries,
        });
    }

    private static RectangleAnnotation Shade(TimeWindow window, OxyColor fill, string label) => new()
    {
        MinimumX = DateTimeAxis.ToDouble(window.Start),
        MaximumX = DateTimeAxis.ToDouble(window.End),
        Fill = fill,
        Text = label,
        TextColor = OxyColor.FromRgb(70, 70, 70),
        TextRotation = -90,
        FontSize = 10,
        Layer = AnnotationLayer.BelowSeries,
    };
}
