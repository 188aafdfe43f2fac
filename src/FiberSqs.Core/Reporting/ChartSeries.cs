namespace FiberSqs.Core.Reporting;

/// <summary>One series of a chart: its name (in the legend, or a row label) and its colour as the SVG writes it ("rgb(r,g,b)").</summary>
internal sealed record ChartSeries(string Name, string Color);
