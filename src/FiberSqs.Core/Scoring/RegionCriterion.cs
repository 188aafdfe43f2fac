using FiberSqs.Core.Scenarios;

namespace FiberSqs.Core.Scoring;

/// <summary>
/// Region: where the root cause is. For a circuit the ordered pair (reversed earns most of it, one end half); for a
/// dependency outage the dependency's region (the callers' → dependency's pair too; the callers' region alone earns
/// half); for hosts or a release the one region. Several regions where one was meant is hedging and earns little.
/// When the Region field is absent, the regions the Component implies are read (a circuit id names its pair).
/// </summary>
internal static class RegionCriterion
{
    public static CriterionScore Score(AnswerKey key, Answer answer)
    {
        var items = ComponentItem.Parse(answer.Component);
        var given = AnswerRegions.Of(answer, items);
        var from = answer.Regions.Count > 0 ? "" : given.Count > 0 ? " (from the Component)" : "";
        var (src, dst) = (key.SourceRegion, key.DestinationRegion);
        var expected = key.Kind switch
        {
            ScenarioKinds.NetworkCircuitDegradation => RegionWords.Pair(src, dst),
            ScenarioKinds.DependencyOutage => $"{dst} (called from {src})",
            _ => src,
        };
        var (share, why) = given.Count == 0 ? (0.0, "not given")
            : key.Kind switch
            {
                ScenarioKinds.NetworkCircuitDegradation => Pair(given, src, dst),
                ScenarioKinds.DependencyOutage => Dependency(given, src, dst),
                _ => One(given, src),
            };
        var shown = answer.RegionGiven ?? (given.Count > 0 ? string.Join(", ", given) : "");
        return new CriterionScore(ScoringRules.Region, expected, shown + from, ScoringRules.Round(share * ScoringRules.RegionPoints), ScoringRules.RegionPoints, why + from);
    }

    private static (double, string) Pair(IReadOnlyList<string> given, string src, string dst) => given switch
    {
        [var a, var b] when a == src && b == dst => (1, "the pair, in order"),
        [var a, var b] when a == dst && b == src => (0.7, "the pair, reversed"),
        [var a] when a == src || a == dst => (0.5, $"one end of the pair {RegionWords.Pair(src, dst)}"),
        _ when given.Contains(src) || given.Contains(dst) => (0.3, "the pair's regions among others"),
        _ => (0, $"neither {src} nor {dst}"),
    };

    private static (double, string) Dependency(IReadOnlyList<string> given, string src, string dst) => given switch
    {
        [var a] when a == dst => (1, "the failing dependency's region"),
        [var a, var b] when a == src && b == dst => (1, "the callers' region and the failing dependency's"),
        [var a, var b] when a == dst && b == src => (0.7, "the two regions, reversed"),
        [var a] when a == src => (0.5, $"the callers' region; the dependency failed in {dst}"),
        _ when given.Contains(dst) || given.Contains(src) => (0.3, "the regions among others"),
        _ => (0, $"neither {dst} nor {src}"),
    };

    private static (double, string) One(IReadOnlyList<string> given, string region) => given switch
    {
        [var a] when a == region => (1, "the region"),
        _ when given.Contains(region) => (0.3, "the region among others"),
        _ => (0, $"not {region}"),
    };
}
