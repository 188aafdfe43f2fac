using OxyPlot;

namespace FiberSqs.Core.Reporting;

/// <summary>
/// Measures text with OxyPlot's managed Helvetica metrics (those of its PDF context, so no native font engine is
/// needed), in pixels: the PDF context answers in points (3/4 of a pixel), which would make every label, legend row
/// and axis margin of an SVG a quarter too small for the text the browser draws.
/// </summary>
internal sealed class PixelTextMeasurer(double width, double height) : PdfRenderContext(width, height, OxyColors.White)
{
    private const double PixelsPerPoint = 4.0 / 3.0;

    public override OxySize MeasureText(string text, string fontFamily, double fontSize, double fontWeight)
    {
        var size = base.MeasureText(text, fontFamily, fontSize, fontWeight);
        return new OxySize(size.Width * PixelsPerPoint, size.Height * PixelsPerPoint);
    }
}
