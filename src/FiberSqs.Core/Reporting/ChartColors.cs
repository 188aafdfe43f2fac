using OxyPlot;

namespace FiberSqs.Core.Reporting;

/// <summary>The report's colours: one per region (the same in every chart), the shading of the incident and of each
/// confounder, and a palette for other series.</summary>
internal static class ChartColors
{
    private static readonly Dictionary<string, OxyColor> KnownRegions = new()
    {
        ["east"] = OxyColor.FromRgb(31, 119, 180),
        ["west"] = OxyColor.FromRgb(255, 127, 14),
        ["central"] = OxyColor.FromRgb(44, 160, 44),
        ["north"] = OxyColor.FromRgb(148, 103, 189),
        ["south"] = OxyColor.FromRgb(140, 86, 75),
    };

    /// <summary>Series colours in order, for regions of other names and for other series.</summary>
    public static readonly IReadOnlyList<OxyColor> Palette =
    [
        OxyColor.FromRgb(214, 39, 40), OxyColor.FromRgb(31, 119, 180), OxyColor.FromRgb(23, 190, 207), OxyColor.FromRgb(127, 127, 127),
        OxyColor.FromRgb(188, 189, 34), OxyColor.FromRgb(227, 119, 194), OxyColor.FromRgb(255, 127, 14), OxyColor.FromRgb(148, 103, 189),
    ];

    public static readonly OxyColor Incident = OxyColor.FromRgb(214, 39, 40);
    public static readonly OxyColor IncidentShade = OxyColor.FromArgb(40, 214, 39, 40);
    public static readonly OxyColor Fix = OxyColor.FromRgb(120, 20, 20);

    private static readonly OxyColor[] ConfounderColors =
        [OxyColor.FromRgb(230, 160, 0), OxyColor.FromRgb(90, 90, 90), OxyColor.FromRgb(23, 150, 170), OxyColor.FromRgb(160, 60, 160)];

    /// <summary>The colour of the i-th confounder (its bar on the timeline, its shading at a lower opacity).</summary>
    public static OxyColor Confounder(int index) => ConfounderColors[index % ConfounderColors.Length];

    public static OxyColor ConfounderShade(int index) => OxyColor.FromAColor(55, Confounder(index));

    /// <summary>The colour of a region: fixed for the five known ones, from the palette for others (by position).</summary>
    public static OxyColor Region(string name, int position) =>
        KnownRegions.TryGetValue(name, out var color) ? color : Palette[position % Palette.Count];

    /// <summary>"rgb(r,g,b)", as OxyPlot writes a colour into the SVG's style (tests look series up by it).</summary>
    public static string Css(OxyColor color) => $"rgb({color.R},{color.G},{color.B})";
}
