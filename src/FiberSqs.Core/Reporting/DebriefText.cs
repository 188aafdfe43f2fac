using System.Globalization;
using FiberSqs.Core.Scenarios;

namespace FiberSqs.Core.Reporting;

/// <summary>
/// The answer key in words, for the trainer to read out: what failed, where, when and how (the bursts), which transaction
/// types, the fix, and for each confounder why it is a red herring, from its window, place and measured effect. Plain
/// text: the page encodes it.
/// </summary>
internal static class DebriefText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A UTC instant as a trainer says it: "Wed 03 Dec 12:20".</summary>
    public static string When(DateTime t) => t.ToString(t.Second == 0 ? "ddd dd MMM HH:mm" : "ddd dd MMM HH:mm:ss", Invariant);

    public static string Span(TimeWindow w) => $"{When(w.Start)} – {When(w.End)} UTC";

    /// <summary>"2 d 5 h 50 min", "1 h 30 min", "6 min 45 s".</summary>
    public static string Duration(TimeSpan d)
    {
        var parts = new List<string>();
        if (d.Days > 0)
        {
            parts.Add($"{d.Days} d");
        }

        if (d.Hours > 0)
        {
            parts.Add($"{d.Hours} h");
        }

        if (d.Minutes > 0)
        {
            parts.Add($"{d.Minutes} min");
        }

        if (d.Seconds > 0 && d.TotalHours < 1)
        {
            parts.Add($"{d.Seconds} s");
        }

        return parts.Count == 0 ? "0 min" : string.Join(' ', parts);
    }

    public static string KindName(string kind) => kind switch
    {
        ScenarioKinds.HostSaturation => "host saturation",
        ScenarioKinds.DependencyOutage => "dependency outage",
        ScenarioKinds.DeploymentRegression => "deployment regression",
        _ => "network circuit degradation",
    };

    public static string Types(IReadOnlyCollection<string> types) => types.Count == 0 ? "(none listed)" : string.Join(" and ", types);

    /// <summary>The failing component, named as the trainee should have named it.</summary>
    public static string Component(DebriefStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var p = story.Primary;
        return story.Kind switch
        {
            ScenarioKinds.HostSaturation => $"{Count(p.Hosts?.Count ?? 0, "host")} of {p.SrcRegion}: {string.Join(", ", p.Hosts ?? [])}",
            ScenarioKinds.DependencyOutage => $"the dependency service {p.Service} in {p.DstRegion}",
            ScenarioKinds.DeploymentRegression => $"the release of {p.Service} in {p.SrcRegion}",
            _ => $"circuit {p.CircuitId} ({p.SrcRegion} → {p.DstRegion})",
        };
    }

    /// <summary>The bursts: "160 bursts of 4–7 min, one about every 20 min"; "continuous" without any.</summary>
    public static string Bursts(DebriefStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var bursts = story.Bursts;
        if (bursts.Count == 0)
        {
            return "continuous over the window (no bursts listed)";
        }

        var shortest = bursts.Min(b => b.Length);
        var longest = bursts.Max(b => b.Length);
        var text = $"{Count(bursts.Count, "burst")} of {Minutes(shortest)}{(longest - shortest >= TimeSpan.FromMinutes(1) ? "–" + Minutes(longest) : "")} min";
        if (bursts.Count > 1)
        {
            var gaps = bursts.Zip(bursts.Skip(1), (a, b) => (b.Start - a.Start).TotalMinutes).Order().ToList();
            text += $", one about every {gaps[gaps.Count / 2].ToString("0", Invariant)} min";
        }

        return $"{text}, from {When(bursts[0].Start)} to {When(bursts[^1].End)}";
    }

    /// <summary>The answer in one paragraph.</summary>
    public static string Headline(DebriefStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var p = story.Primary;
        var when = $"between {When(story.Incident.Start)} and {When(story.Incident.End)} UTC";
        var types = Types(p.AffectedTransactionTypes);
        var fix = When(story.FixTime);
        return story.Kind switch
        {
            ScenarioKinds.HostSaturation =>
                $"{Count(p.Hosts?.Count ?? 0, "host")} of {p.SrcRegion} ({string.Join(", ", p.Hosts ?? [])}) saturated {when}. The {types} transactions they served slowed and timed out, while the region's other hosts stayed normal, so joining the slow log rows to their host is the way in. The saturation ended with the fix at {fix}.",
            ScenarioKinds.DependencyOutage =>
                $"The dependency service {p.Service} in {p.DstRegion} failed {when}, for every caller and whatever circuit the call took; the circuits stayed healthy. {Cap(p.SrcRegion)}, its heaviest caller, saw most of it, in {types}. It recovered with the fix at {fix}.",
            ScenarioKinds.DeploymentRegression =>
                $"A release of {p.Service} in {p.SrcRegion} raised latency and host network errors there {when}, hitting {types}; the other regions were unaffected. The regression ended with the fix at {fix}.",
            _ =>
                $"Circuit {p.CircuitId}, from {p.SrcRegion} to {p.DstRegion}, degraded {when}, in {Bursts(story)}. {Cap(p.SrcRegion)}'s {types} transactions, which call a dependency in {p.DstRegion} over that circuit, slowed, retried and timed out; no other circuit was degraded. It was fixed at {fix}{(p.RerouteCircuitId is { Length: > 0 } r ? $", when the impacted flows moved to {r}, the healthy circuit of the same pair" : "")}.",
        };
    }

    /// <summary>The fix, in one sentence.</summary>
    public static string Fix(DebriefStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var after = story.FixTime - story.Incident.End;
        var lag = after > TimeSpan.Zero ? $", {Duration(after)} after the last of it" : "";
        var how = story.Kind switch
        {
            ScenarioKinds.NetworkCircuitDegradation when story.Primary.RerouteCircuitId is { Length: > 0 } r =>
                $": the impacted flows were rerouted to {r}, and nothing uses {story.Primary.CircuitId} after it",
            _ => "",
        };
        return $"{When(story.FixTime)} UTC{lag}{how}.";
    }

    /// <summary>Why a confounder is a red herring: its timing against the incident, its place, its signal and its measured effect.</summary>
    public static IReadOnlyList<string> WhyRedHerring(DebriefConfounder c, DebriefStory story)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(story);
        var reasons = new List<string> { Timing(c.Window, story) };
        reasons.Add(c.Region == story.Primary.SrcRegion
            ? $"It is in {c.Region}, the incident's own region: that is what makes it tempting, not what makes it the cause."
            : $"It is in {c.Region}, not in {story.Primary.SrcRegion} where the incident's transactions start.");
        reasons.Add(c.Kind switch
        {
            ScenarioKinds.HostSaturation =>
                $"The signal is real (high CPU on {c.Region}'s hosts for {Duration(c.Window.Length)}), but it is short, ends by itself with no fix, and does not line up with the incident's bursts or its transaction types.",
            ScenarioKinds.DeploymentRegression =>
                $"A release bump: latency and host network errors rise in {c.Region} for {Duration(c.Window.Length)} and fall back by themselves, with no fix.",
            ScenarioKinds.DependencyOutage =>
                $"{c.Region}'s dependency slows for every caller for {Duration(c.Window.Length)} and recovers by itself, outside the incident's window; calls slow down a little, far from timing out as the incident's do.",
            _ => $"A regional network slowdown: every circuit out of {c.Region} runs at about twice its usual RTT for {Duration(c.Window.Length)} and recovers by itself, outside the incident's window; the slowdown is spread over all of the region's circuits, not on one failing path.",
        });
        if (c.Observed is { } o)
        {
            reasons.Add($"Measured: {Count((int)o.TransactionsInside, "transaction")} of {c.Region} started inside it; {Percent(o.TimeoutRateInside)} timed out " +
                $"(against {Percent(o.TimeoutRateOutside)} outside it), median latency {Ms(o.P50LatencyMsInside)} against {Ms(o.P50LatencyMsOutside)}: " +
                $"its timeout rate is {o.TimeoutRateVsIncident.ToString("0.00", Invariant)}× the incident's.");
        }

        return reasons;
    }

    /// <summary>The incident's and confounders' moments, in order.</summary>
    public static IReadOnlyList<(DateTime At, string What)> Events(DebriefStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var events = new List<(DateTime At, string What)>
        {
            (story.Incident.Start, $"Incident starts: {Component(story)}" + (story.Bursts.Count > 0 ? $" (first of {Count(story.Bursts.Count, "burst")})" : "")),
            (story.Incident.End, "Incident ends" + (story.Bursts.Count > 0 ? " (last burst over)" : "")),
            (story.FixTime, "Fix"),
        };
        foreach (var c in story.Confounders)
        {
            events.Add((c.Window.Start, $"Red herring {c.Name} starts ({KindName(c.Kind)}, {c.Region})"));
            events.Add((c.Window.End, $"Red herring {c.Name} ends"));
        }

        return [.. events.OrderBy(e => e.At)];
    }

    public static string Percent(double share) => (share * 100).ToString(share < 0.1 ? "0.0" : "0", Invariant) + "%";

    public static string Ms(double ms) => ms.ToString(ms >= 100 ? "#,0" : "0.0", Invariant) + " ms";

    private static string Timing(TimeWindow w, DebriefStory story)
    {
        var incident = story.Incident;
        if (w.End <= incident.Start)
        {
            return $"It ended {Duration(incident.Start - w.End)} before the incident began ({Span(w)}).";
        }

        if (w.Start >= incident.End)
        {
            var fix = w.Start >= story.FixTime ? $", {Duration(w.Start - story.FixTime)} after the fix" : "";
            return $"It began {Duration(w.Start - incident.End)} after the incident ended{fix} ({Span(w)}).";
        }

        return $"It overlaps the incident window ({Span(w)}): tell its signal from the incident's by place and component.";
    }

    /// <summary>A sentence starts with a capital, also when it starts with a region's name.</summary>
    private static string Cap(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Minutes(TimeSpan t) => t.TotalMinutes.ToString("0", Invariant);

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString("N0", Invariant)} {noun}s";
}
