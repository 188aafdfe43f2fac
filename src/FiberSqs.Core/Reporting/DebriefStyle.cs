namespace FiberSqs.Core.Reporting;

/// <summary>The page's one style sheet, inline: readable on screen and on paper, no web fonts, nothing fetched.</summary>
internal static class DebriefStyle
{
    public const string Css = """
        :root { color-scheme: light; }
        body { font-family: Arial, Helvetica, "Liberation Sans", sans-serif; color: #222; background: #fff; margin: 0 auto;
               max-width: 1000px; padding: 24px; line-height: 1.45; font-size: 15px; }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 20px; border-bottom: 2px solid #d62728; padding-bottom: 3px; margin-top: 36px; }
        h3 { font-size: 16px; margin: 18px 0 4px; }
        .meta { color: #666; font-size: 13px; margin: 0; }
        nav { margin: 14px 0; font-size: 14px; }
        nav a { margin-right: 14px; color: #1f77b4; }
        .answer { background: #fdf1f1; border-left: 5px solid #d62728; padding: 12px 16px; font-size: 16px; }
        table { border-collapse: collapse; margin: 10px 0; font-size: 14px; }
        th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; }
        table.facts th { width: 190px; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .herring { border-left: 5px solid #e6a000; padding: 2px 14px 6px; margin: 14px 0; background: #fffaf0; }
        .herring ul { margin: 6px 0; padding-left: 20px; }
        figure { margin: 18px 0 26px; page-break-inside: avoid; break-inside: avoid; }
        figcaption { font-size: 13px; color: #444; margin-bottom: 4px; }
        figcaption strong { display: block; font-size: 15px; color: #222; }
        svg.chart { width: 100%; height: auto; display: block; border: 1px solid #eee; }
        .bar { display: inline-block; height: 10px; background: #1f77b4; vertical-align: middle; }
        .bar.low { background: #d62728; }
        footer { margin-top: 40px; font-size: 12px; color: #777; border-top: 1px solid #ddd; padding-top: 8px; }
        @media print { body { max-width: none; padding: 0; } nav { display: none; } h2 { page-break-after: avoid; } }
        """;
}
