using System.Text.RegularExpressions;
using FiberSqs.Core.Reporting;

namespace FiberSqs.Core.Tests.Reporting;

/// <summary>The page: self-contained (no script, no URL, nothing to load), the answer key in words, the scores when given.</summary>
public sealed partial class DebriefHtmlTests(ReportDataset data) : IClassFixture<ReportDataset>
{
    private static readonly ReportScore[] Class =
    [
        new("Blue", 40, 100, null, [new("root_cause", 0, 30), new("window", 10, 20)]),
        new("Red <b>&", 80, 100, 80, [new("root_cause", 30, 30), new("window", 20, 20)]),
        new("Green", 12.5, null, null, []),
    ];

    private string Page(IReadOnlyList<ReportScore> scores) => DebriefReport.Build(data.Folder, scores, null, CancellationToken.None).Html;

    [Fact]
    public void The_page_needs_nothing_else_no_script_no_url_nothing_to_load()
    {
        var html = Page(Class);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">", html, StringComparison.Ordinal);
        foreach (var banned in new[] { "<script", "http:", "https:", "src=", "<link", "<img", "<iframe", "<object", "@import", "javascript:", "onload", "onclick" })
        {
            Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.All(Href().Matches(html), m => Assert.StartsWith("#", m.Groups[1].Value, StringComparison.Ordinal));
        Assert.All(Url().Matches(html), m => Assert.StartsWith("#", m.Groups[1].Value, StringComparison.Ordinal));
        Assert.Equal(6, SvgElement().Count(html));
        Assert.Equal(6, Regex.Count(html, "</svg>"));
    }

    [Fact]
    public void The_answer_key_is_told_in_words_with_each_red_herring()
    {
        var html = Page([]);
        var p = data.Story.Primary;
        Assert.Contains($"Circuit {p.CircuitId}, from central to east, degraded between Wed 03 Dec 12:20 and Fri 05 Dec 18:10 UTC", html, StringComparison.Ordinal);
        Assert.Contains("provision_fiber_sqs and modify_service_profile", html, StringComparison.Ordinal);
        Assert.Contains($"{data.Story.Bursts.Count} bursts of 4–7 min", html, StringComparison.Ordinal);
        Assert.Contains($"Fri 05 Dec 18:15 UTC, 5 min after the last of it: the impacted flows were rerouted to {p.RerouteCircuitId}", html, StringComparison.Ordinal);
        Assert.Contains("<h3>central_cpu_spike</h3>", html, StringComparison.Ordinal);
        Assert.Contains("It ended 1 d 1 h 20 min before the incident began", html, StringComparison.Ordinal);
        Assert.Contains("<h3>west_deployment_blip</h3>", html, StringComparison.Ordinal);
        Assert.Contains("It began 22 h 50 min after the incident ended, 22 h 45 min after the fix", html, StringComparison.Ordinal);
        Assert.Contains("It is in central, the incident&#39;s own region", html, StringComparison.Ordinal);
        Assert.Contains("Red herring west_deployment_blip starts (deployment regression, west)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"scores\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scores_are_shown_best_first_encoded_with_the_criteria_hardest_first()
    {
        var html = Page(Class);
        var scores = html[html.IndexOf("<section id=\"scores\">", StringComparison.Ordinal)..];
        Assert.Contains("3 teams; mean 60%, median 60%.", scores, StringComparison.Ordinal);
        Assert.Contains("<td>Red &lt;b&gt;&amp;</td>", scores, StringComparison.Ordinal);
        Assert.DoesNotContain("Red <b>", html, StringComparison.Ordinal);
        var red = scores.IndexOf("Red &lt;b&gt;", StringComparison.Ordinal);
        var blue = scores.IndexOf("<td>Blue</td>", StringComparison.Ordinal);
        var green = scores.IndexOf("<td>Green</td>", StringComparison.Ordinal);
        Assert.True(red < blue && blue < green, "best first; a team without a percentage last");
        Assert.Contains("<td class=\"num\">12.5</td><td class=\"num\">–</td>", scores, StringComparison.Ordinal);
        var lost = scores[scores.IndexOf("Where the class lost points", StringComparison.Ordinal)..];
        Assert.True(lost.IndexOf("root_cause", StringComparison.Ordinal) < lost.IndexOf("window", StringComparison.Ordinal));
        Assert.Contains("<td>root_cause</td><td class=\"num\">50%</td><td class=\"num\">2</td>", lost, StringComparison.Ordinal);
        Assert.Contains("<td>window</td><td class=\"num\">75%</td>", lost, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_dataset_is_encoded_in_the_page_and_in_the_charts()
    {
        using var copy = new Validation.DatasetCopy(data.Root);
        copy.EditTruth(t =>
        {
            t.Confounders[0].Name = "<script>alert(1)</script>";
            t.Confounders[0].Description = "\"><img src=x onerror=alert(2)>";
        });
        var html = DebriefReport.Build(Core.Files.DatasetFolder.Open(copy.Root), [new("<svg onload=alert(3)>", 1, 2, null, [])], null, CancellationToken.None).Html;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_figure_lists_its_series_and_their_colours()
    {
        var (html, content) = DebriefReport.Build(data.Folder, [], null, CancellationToken.None);
        foreach (var chart in content.Charts)
        {
            Assert.Contains($"<figure id=\"{chart.Id}\" data-series=\"{System.Net.WebUtility.HtmlEncode(string.Join("|", chart.SeriesNames))}\" " +
                $"data-colors=\"{string.Join("|", chart.Series.Select(s => s.Color))}\">", html, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"href=""([^""]*)""")]
    private static partial Regex Href();

    [GeneratedRegex(@"url\(([^)]*)\)")]
    private static partial Regex Url();

    [GeneratedRegex(@"<svg ")]
    private static partial Regex SvgElement();
}
