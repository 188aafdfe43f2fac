using System.Globalization;
using System.Net;
using System.Text;
using FiberSqs.Core.Model;

namespace FiberSqs.Core.Reporting;

/// <summary>
/// Writes the debrief page: one self-contained HTML5 document with its style sheet inline and its charts as inline
/// SVG, no script and no reference to anything outside it (a Content-Security-Policy forbids loading anything, so
/// the page reads the same offline). Every text from the dataset or the scores is HTML-encoded.
/// </summary>
internal static class DebriefHtml
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(DebriefContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var story = content.Story;
        var html = new StringBuilder(256 << 10);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
            .Append("<meta name=\"generator\" content=\"").Append(E(content.Generator)).Append("\">\n")
            .Append("<title>FiberSqs debrief: ").Append(E(story.ScenarioName)).Append("</title>\n")
            .Append("<style>\n").Append(DebriefStyle.Css).Append("\n</style>\n</head>\n<body>\n");

        Header(html, content);
        Answer(html, story);
        RedHerrings(html, story);
        Timeline(html, content);
        Charts(html, content);
        Support(html, content);
        if (content.Scores is { } scores)
        {
            Scores(html, scores);
        }

        Footer(html, content);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Header(StringBuilder html, DebriefContent content)
    {
        var story = content.Story;
        var variant = story.Truth.Exercise?.Variant is { } v ? $", variant {v}" : "";
        html.Append("<header>\n<h1>Debrief: ").Append(E(story.ScenarioName)).Append("</h1>\n<p class=\"meta\">Dataset ")
            .Append(E(content.DatasetName)).Append(" · scenario ").Append(E(story.ScenarioName)).Append(E(variant))
            .Append(" · difficulty ").Append(E(story.Difficulty)).Append(" · seed ").Append(story.Truth.Generation.Seed.ToString(Invariant))
            .Append(" · week ").Append(E(DebriefText.Span(story.Week))).Append("</p>\n</header>\n<nav>")
            .Append("<a href=\"#answer\">The answer</a><a href=\"#red-herrings\">Red herrings</a><a href=\"#timeline\">Timeline</a>")
            .Append("<a href=\"#charts\">What the data shows</a><a href=\"#support\">Support calls</a>");
        if (content.Scores is not null)
        {
            html.Append("<a href=\"#scores\">Scores</a>");
        }

        html.Append("</nav>\n");
    }

    private static void Answer(StringBuilder html, DebriefStory story)
    {
        var p = story.Primary;
        html.Append("<section id=\"answer\">\n<h2>The answer</h2>\n<p class=\"answer\">").Append(E(DebriefText.Headline(story))).Append("</p>\n")
            .Append("<table class=\"facts\">\n");
        Row(html, "Root cause", $"{DebriefText.KindName(story.Kind)} ({story.Kind}; root_cause_type {p.RootCauseType})");
        Row(html, "What failed", DebriefText.Component(story));
        Row(html, "Where", p.SrcRegion == p.DstRegion ? p.SrcRegion : $"{p.SrcRegion} → {p.DstRegion}");
        Row(html, "When", $"{DebriefText.Span(story.Incident)} ({DebriefText.Duration(story.Incident.Length)})");
        Row(html, "How", DebriefText.Bursts(story));
        Row(html, "Transaction types", DebriefText.Types(p.AffectedTransactionTypes));
        Row(html, "Fix", DebriefText.Fix(story));
        var o = p.Observed;
        if (o is not null && o.ImpactedTransactions > 0)
        {
            Row(html, "Measured impact",
                $"{o.ImpactedTransactions.ToString("N0", Invariant)} impacted transactions, {DebriefText.Percent(o.ImpactedTimeoutRate)} of them timed out " +
                $"(baseline {DebriefText.Percent(o.BaselineTimeoutRate)}); mean dependency latency {DebriefText.Ms(o.ImpactedDependencyLatencyMeanMs)} " +
                $"against {DebriefText.Ms(o.BaselineDependencyLatencyMeanMs)}.");
        }

        if (story.Kind == Scenarios.ScenarioKinds.NetworkCircuitDegradation && o?.PrimaryRttBurstMs.Count > 0)
        {
            Row(html, "Measured RTT",
                $"{DebriefText.Ms(o.PrimaryRttBaselineMs.Mean)} outside the bursts, {DebriefText.Ms(o.PrimaryRttBurstMs.Mean)} in them " +
                $"(up to {DebriefText.Ms(o.PrimaryRttBurstMs.Max)}): {o.PrimaryRttUplift.ToString("0.0", Invariant)}×.");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void RedHerrings(StringBuilder html, DebriefStory story)
    {
        html.Append("<section id=\"red-herrings\">\n<h2>Red herrings</h2>\n");
        if (story.Confounders.Count == 0)
        {
            html.Append("<p>This dataset plants none.</p>\n");
        }

        foreach (var c in story.Confounders)
        {
            html.Append("<div class=\"herring\">\n<h3>").Append(E(c.Name)).Append("</h3>\n<p class=\"meta\">")
                .Append(E($"{DebriefText.KindName(c.Kind)} · component {c.Component} · {c.Region} · {DebriefText.Span(c.Window)}"))
                .Append("</p>\n<p>").Append(E(c.Description)).Append("</p>\n<ul>\n");
            foreach (var reason in DebriefText.WhyRedHerring(c, story))
            {
                html.Append("<li>").Append(E(reason)).Append("</li>\n");
            }

            html.Append("</ul>\n</div>\n");
        }

        html.Append("</section>\n");
    }

    private static void Timeline(StringBuilder html, DebriefContent content)
    {
        html.Append("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
        foreach (var chart in content.Charts.Where(c => c.Id == TimelineChart.Id))
        {
            Figure(html, chart);
        }

        html.Append("<table>\n<tr><th>UTC</th><th>What</th></tr>\n");
        foreach (var (at, what) in DebriefText.Events(content.Story))
        {
            html.Append("<tr><td>").Append(E(DebriefText.When(at))).Append("</td><td>").Append(E(what)).Append("</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static void Charts(StringBuilder html, DebriefContent content)
    {
        html.Append("<section id=\"charts\">\n<h2>What the data shows</h2>\n<p>Shaded: the incident window (red) and each red herring's window; dashed: the fix.</p>\n");
        foreach (var chart in content.Charts.Where(c => c.Id is not TimelineChart.Id and not SupportCallsChart.Id))
        {
            Figure(html, chart);
        }

        html.Append("</section>\n");
    }

    private static void Support(StringBuilder html, DebriefContent content)
    {
        html.Append("<section id=\"support\">\n<h2>Support calls</h2>\n");
        foreach (var chart in content.Charts.Where(c => c.Id == SupportCallsChart.Id))
        {
            Figure(html, chart);
        }

        var noise = content.Story.Truth.TsoNoise;
        html.Append("<p>").Append(E($"{noise.TotalCalls.ToString("N0", Invariant)} calls in all. How their transaction ids lead back to the logs:")).Append("</p>\n")
            .Append("<table>\n<tr><th>Call</th><th class=\"num\">Calls</th><th class=\"num\">Share</th><th>What it means for the join</th></tr>\n");
        foreach (var (type, meaning) in NoiseMeanings)
        {
            var count = noise.NoiseCounts.GetValueOrDefault(type);
            var share = noise.TotalCalls > 0 ? (double)count / noise.TotalCalls : 0;
            html.Append("<tr><td>").Append(E(type)).Append("</td><td class=\"num\">").Append(count.ToString("N0", Invariant))
                .Append("</td><td class=\"num\">").Append(E(DebriefText.Percent(share))).Append("</td><td>").Append(E(meaning)).Append("</td></tr>\n");
        }

        html.Append("</table>\n</section>\n");
    }

    private static readonly (string Type, string Meaning)[] NoiseMeanings =
    [
        (TsoNoiseType.Clean, "names the caller's own transaction: joins to its logs"),
        (TsoNoiseType.Missing, "names no transaction: find it by customer and time"),
        (TsoNoiseType.Fabricated, "names a transaction that does not exist (FAKE-TX-…): joins to nothing"),
        (TsoNoiseType.WrongCustomer, "names another customer's transaction of the same region: joins, to the wrong one"),
    ];

    private static void Scores(StringBuilder html, ClassSummary scores)
    {
        html.Append("<section id=\"scores\">\n<h2>The class's scores</h2>\n<p>")
            .Append(E($"{scores.Teams.Count} team{(scores.Teams.Count == 1 ? "" : "s")}"));
        if (scores.MeanPercent is { } mean && scores.MedianPercent is { } median)
        {
            html.Append(E($"; mean {mean.ToString("0", Invariant)}%, median {median.ToString("0", Invariant)}%"));
        }

        html.Append(".</p>\n<table class=\"scores\">\n<tr><th>Team</th><th class=\"num\">Score</th><th class=\"num\">%</th><th></th>");
        foreach (var name in scores.CriterionNames)
        {
            html.Append("<th class=\"num\">").Append(E(name)).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var team in scores.Teams)
        {
            var percent = team.EffectivePercent;
            html.Append("<tr><td>").Append(E(team.Team)).Append("</td><td class=\"num\">").Append(E(Number(team.Score)))
                .Append(team.MaxScore is { } max ? " / " + E(Number(max)) : "").Append("</td><td class=\"num\">")
                .Append(percent is { } pc ? E(pc.ToString("0", Invariant)) : "–").Append("</td><td>");
            if (percent is { } bar)
            {
                var width = Math.Clamp(bar, 0, 100).ToString("0", Invariant);
                html.Append("<span class=\"bar").Append(bar < 50 ? " low" : "").Append("\" style=\"width:").Append(width).Append("px\"></span>");
            }

            html.Append("</td>");
            foreach (var name in scores.CriterionNames)
            {
                var c = team.Criteria.FirstOrDefault(x => x.Name == name);
                html.Append("<td class=\"num\">").Append(c is null ? "" : E(Number(c.Points) + (c.MaxPoints is { } m ? " / " + Number(m) : ""))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n");
        if (scores.Criteria.Count > 0)
        {
            html.Append("<h3>Where the class lost points</h3>\n<table>\n<tr><th>Criterion</th><th class=\"num\">Points won</th><th class=\"num\">Teams</th></tr>\n");
            foreach (var (name, share, teams) in scores.Criteria)
            {
                html.Append("<tr><td>").Append(E(name)).Append("</td><td class=\"num\">").Append(E(DebriefText.Percent(share)))
                    .Append("</td><td class=\"num\">").Append(teams.ToString(Invariant)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void Footer(StringBuilder html, DebriefContent content)
    {
        var rows = string.Join(", ", content.RowsRead.Select(r => $"{r.Key} {r.Value.ToString("N0", Invariant)}"));
        html.Append("<footer>Rows read: ").Append(E(rows)).Append(". Written by ").Append(E(content.Generator))
            .Append(" from the dataset's ground_truth.json and CSV files; it needs nothing else to be read, on screen or printed.</footer>\n");
    }

    private static void Figure(StringBuilder html, ReportChart chart)
    {
        // The series, machine-readable beside the picture: what a check (or a screen reader's user) can match the lines to.
        html.Append("<figure id=\"").Append(E(chart.Id)).Append("\" data-series=\"").Append(E(string.Join("|", chart.SeriesNames)))
            .Append("\" data-colors=\"").Append(E(string.Join("|", chart.Series.Select(s => s.Color)))).Append("\">\n<figcaption><strong id=\"")
            .Append(E(chart.Id)).Append("-title\">").Append(E(chart.Title)).Append("</strong>").Append(E(chart.Caption)).Append("</figcaption>\n")
            .Append(chart.Svg).Append("\n</figure>\n");
    }

    private static void Row(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

    private static string Number(double value) => value.ToString(value == Math.Floor(value) ? "0" : "0.##", Invariant);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
