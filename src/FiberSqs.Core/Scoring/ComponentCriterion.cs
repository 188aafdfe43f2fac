using FiberSqs.Core.Scenarios;

namespace FiberSqs.Core.Scoring;

/// <summary>
/// Component, by the incident's kind (docs/scoring.md): the failing circuit (a circuit of the right pair earns some,
/// the pair reversed less); any of the saturated hosts; the failing dependency service with its region, or the
/// released service with its region (the service alone earns some: it runs in every region). Anything else in the
/// right region earns a little.
/// </summary>
internal static class ComponentCriterion
{
    public static CriterionScore Score(AnswerKey key, Answer answer)
    {
        var items = ComponentItem.Parse(answer.Component);
        var (points, why) = key.Kind switch
        {
            ScenarioKinds.NetworkCircuitDegradation => Circuit(key, items, answer),
            ScenarioKinds.HostSaturation => Hosts(key, items, answer),
            _ => Service(key, items, answer),
        };
        var expected = key.Kind == ScenarioKinds.NetworkCircuitDegradation
            ? $"{key.CircuitId} ({RegionWords.Pair(key.SourceRegion, key.DestinationRegion)})"
            : key.ComponentText;
        return new CriterionScore(ScoringRules.Component, expected, answer.Component, points, ScoringRules.ComponentPoints, why);
    }

    private static (double, string) Circuit(AnswerKey key, IReadOnlyList<ComponentItem> items, Answer answer)
    {
        var circuits = items.Where(i => i.Kind == ComponentItemKind.Circuit).ToList();
        var (src, dst) = (key.SourceRegion, key.DestinationRegion);
        if (circuits.Any(c => c.Text == key.CircuitId))
        {
            return items.Count == 1
                ? (ScoringRules.ComponentExact, "the failing circuit")
                : (ScoringRules.ComponentHedged, $"the failing circuit, but named with {items.Count - 1} other(s)");
        }

        if (circuits.FirstOrDefault(c => c.Ends == (src, dst)) is { } samePair)
        {
            return (ScoringRules.ComponentRightPlace, samePair.Text == key.RerouteCircuitId
                ? $"{samePair.Text} is the healthy circuit of the right pair that traffic moved to at the fix; {key.CircuitId} failed"
                : $"a circuit of the right pair ({RegionWords.Pair(src, dst)}), but not the one that failed");
        }

        if (circuits.Any(c => c.Ends == (dst, src)))
        {
            return (ScoringRules.ComponentReversed, $"a circuit of the pair reversed ({RegionWords.Pair(dst, src)}); the failing one runs {RegionWords.Pair(src, dst)}");
        }

        return InRegion(Places(items, answer), [src, dst], "not a circuit of the pair");
    }

    private static (double, string) Hosts(AnswerKey key, IReadOnlyList<ComponentItem> items, Answer answer)
    {
        var saturated = items.Count(i => i.Kind == ComponentItemKind.Host && key.Hosts.Contains(i.Text));
        if (saturated > 0)
        {
            return saturated == items.Count
                ? (ScoringRules.ComponentExact, saturated == 1 ? "a saturated host" : $"{saturated} saturated hosts")
                : (ScoringRules.ComponentHedged, $"{saturated} of the {items.Count} named are saturated hosts");
        }

        if (items.Any(i => i.SpeaksOfHosts && AnswerRegions.OfItem(i, answer).Contains(key.SourceRegion)))
        {
            return (ScoringRules.ComponentRightPlace, $"hosts of the right region ({key.SourceRegion}), but none of the {key.Hosts.Count} saturated ones");
        }

        return InRegion(Places(items, answer), [key.SourceRegion], "not a host that saturated");
    }

    private static (double, string) Service(AnswerKey key, IReadOnlyList<ComponentItem> items, Answer answer)
    {
        var region = key.ComponentRegion;
        var named = items.FirstOrDefault(i => i.NamesService(key.Service!));
        if (named is not null)
        {
            var regions = AnswerRegions.OfItem(named, answer);
            if (regions.Contains(region))
            {
                return items.Count == 1
                    ? (ScoringRules.ComponentExact, $"the service and its region")
                    : (ScoringRules.ComponentHedged, $"the service and its region, but named with {items.Count - 1} other(s)");
            }

            return (ScoringRules.ComponentRightPlace, regions.Count == 0
                ? $"the right service, but not where: it runs in every region, and failed in {region}"
                : $"the right service, in {string.Join(", ", regions)}; it failed in {region}");
        }

        return InRegion(Places(items, answer), [region], $"not {key.Service}");
    }

    /// <summary>Where the things named are: each item's own regions, else the Region field's.</summary>
    private static List<string> Places(IReadOnlyList<ComponentItem> items, Answer answer) =>
        [.. items.SelectMany(i => AnswerRegions.OfItem(i, answer)).Distinct()];

    private static (double, string) InRegion(IReadOnlyList<string> given, IReadOnlyList<string> right, string what)
    {
        var hit = given.Where(right.Contains).ToList();
        return hit.Count > 0
            ? (ScoringRules.ComponentRightRegion, $"in the right region ({string.Join(", ", hit)}), but {what}")
            : (0, $"{what}, nor in its region ({string.Join(", ", right)})");
    }
}
