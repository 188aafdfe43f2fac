using System.Net;
using System.Text.RegularExpressions;
using FiberSqs.Core.Reporting;

namespace FiberSqs.Core.Tests.Reporting;

/// <summary>What every chart's SVG must be: an inline &lt;svg&gt; element with nothing that names a URL or another
/// document, each series named in its text and drawn in its colour (a polyline, polygon or rectangle of at least three points:
/// a legend sample has two), and clip ids of its own.</summary>
internal static partial class SvgAssert
{
    public static void Drawn(ReportChart chart)
    {
        var svg = chart.Svg;
        Assert.StartsWith("<svg ", svg, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", svg, StringComparison.Ordinal);
        foreach (var banned in new[] { "<?xml", "<!DOCTYPE", "xmlns", "http", "<script", "<image", "href" })
        {
            Assert.DoesNotContain(banned, svg, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains($"aria-labelledby=\"{chart.Id}-title\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("OxyPlot exception", svg, StringComparison.Ordinal);
        var texts = Texts(svg);
        Assert.NotEmpty(chart.Series);
        foreach (var series in chart.Series)
        {
            Assert.True(texts.Contains(series.Name), $"chart {chart.Id}: no text names the series '{series.Name}'");
            Assert.True(Shapes(svg).Any(s => s.Style.Contains(series.Color, StringComparison.Ordinal) && s.Points >= 3),
                $"chart {chart.Id}: nothing is drawn in {series.Color} for the series '{series.Name}'");
        }

        foreach (Match id in IdAttribute().Matches(svg))
        {
            Assert.StartsWith(chart.Id + "-", id.Groups[1].Value, StringComparison.Ordinal);
        }
    }

    public static HashSet<string> Texts(string svg) =>
        [.. TextElement().Matches(svg).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>Every polyline, polygon and rectangle (4 points): its style and how many points it has.</summary>
    public static IEnumerable<(string Style, int Points)> Shapes(string svg) =>
        Shape().Matches(svg).Select(m => (m.Groups[2].Value, m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length))
            .Concat(Rectangle().Matches(svg).Select(m => (m.Groups[1].Value, 4)));

    [GeneratedRegex(@"<text[^>]*>([^<]*)</text>")]
    private static partial Regex TextElement();

    [GeneratedRegex(@"<poly(?:line|gon) points=""([^""]*)"" style=""([^""]*)""")]
    private static partial Regex Shape();

    [GeneratedRegex(@"<rect [^>]*style=""([^""]*)""")]
    private static partial Regex Rectangle();

    [GeneratedRegex(@"\sid=""([^""]*)""")]
    private static partial Regex IdAttribute();
}
