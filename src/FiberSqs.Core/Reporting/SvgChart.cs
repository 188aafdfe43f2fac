using System.Globalization;
using System.Text.RegularExpressions;
using OxyPlot;

namespace FiberSqs.Core.Reporting;

/// <summary>
/// Turns an OxyPlot model into SVG markup to embed in the page. Text is measured with OxyPlot's own managed font metrics
/// (<see cref="PixelTextMeasurer"/>) so no native text engine is needed; the XML declaration, doctype and namespace
/// declarations are dropped (an inline &lt;svg&gt; in HTML needs none, and the page then names no URL at all); the
/// clip-path ids OxyPlot numbers from 1 in every chart get the chart's id as a prefix, so that the charts of one page
/// do not clip each other.
/// </summary>
internal static partial class SvgChart
{
    /// <summary>Helvetica's metrics measure the text; Arial and Liberation Sans share them, so labels fit as measured.</summary>
    public const string Font = "Arial, Helvetica, Liberation Sans, sans-serif";

    public static string Export(PlotModel model, string id, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(model);
        var exporter = new SvgExporter
        {
            Width = width,
            Height = height,
            IsDocument = false,
            TextMeasurer = new PixelTextMeasurer(width, height),
            // Positions text by measured height instead of dominant-baseline, which not every SVG viewer honours.
            UseVerticalTextAlignmentWorkaround = true,
        };
        var svg = exporter.ExportToString(model);
        // OxyPlot draws an exception into the picture instead of throwing it: a chart must never show one.
        if (model.GetLastPlotException() is { } failed)
        {
            throw new InvalidOperationException($"The chart {id} could not be drawn: {failed.Message}", failed);
        }

        svg = Declaration().Replace(svg, "");
        svg = Namespace().Replace(svg, "");
        svg = ClipId().Replace(svg, m => $"{m.Groups[1].Value}{id}-clip{m.Groups[2].Value}");
        var size = string.Create(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {width} {height}\" class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title\" ");
        var at = svg.IndexOf("<svg ", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("OxyPlot's SVG export wrote no <svg> element.");
        }

        return svg[..(at + 5)] + size + svg[(at + 5)..].Trim();
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\s+xmlns(:\w+)?=""[^""]*""")]
    private static partial Regex Namespace();

    [GeneratedRegex(@"(id=""|url\(#)clipPath(\d+)")]
    private static partial Regex ClipId();
}
