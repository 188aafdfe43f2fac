using FiberSqs.Core.Scenarios;

namespace FiberSqs.Core.Scoring;

/// <summary>
/// Whether an answer names a red herring as the root cause (docs/scoring.md): of the four things an answer says about
/// the cause (kind, component, region, window), at least two match one red herring and more of them match it than
/// match the incident. Such an answer loses the root-cause criteria.
/// </summary>
internal static class RedHerringBlame
{
    /// <summary>The red herring blamed and what of the answer matched it, or null.</summary>
    public static (KeyConfounder Confounder, IReadOnlyList<string> Matches)? Find(AnswerKey key, Answer answer, double componentPoints)
    {
        var items = ComponentItem.Parse(answer.Component);
        var regions = AnswerRegions.All(answer, items);
        var incident = new List<string>();
        Add(incident, "kind", answer.Kind == key.Kind);
        Add(incident, "component", componentPoints >= ScoringRules.ComponentRightPlace);
        Add(incident, "region", regions.Any(key.Regions.Contains));
        Add(incident, "window", WindowOverlap.MostlyInside(answer.Start, answer.End, key.Start, key.End, ScoringRules.FullWithin));

        (KeyConfounder, IReadOnlyList<string>)? best = null;
        foreach (var c in key.Confounders)
        {
            var matches = new List<string>();
            Add(matches, "kind", answer.Kind == c.Kind);
            Add(matches, "component", ComponentIn(c, items, answer));
            Add(matches, "region", regions.Contains(c.Region));
            Add(matches, "window", WindowOverlap.MostlyInside(answer.Start, answer.End, c.Start, c.End, ScoringRules.RedHerringSlack));
            if (matches.Count >= 2 && matches.Count > incident.Count && matches.Count > (best?.Item2.Count ?? 0))
            {
                best = (c, matches);
            }
        }

        return best;
    }

    /// <summary>Whether the Component names something of the red herring's kind in its region: its hosts, a service
    /// there (a release, a dependency), a circuit touching it.</summary>
    private static bool ComponentIn(KeyConfounder c, IReadOnlyList<ComponentItem> items, Answer answer) =>
        items.Any(i => AnswerRegions.OfItem(i, answer).Contains(c.Region) && c.Kind switch
        {
            ScenarioKinds.HostSaturation => i.SpeaksOfHosts,
            ScenarioKinds.NetworkCircuitDegradation => i.Kind == ComponentItemKind.Circuit,
            _ => i.Kind == ComponentItemKind.Other && !i.SpeaksOfHosts,
        });

    private static void Add(List<string> matches, string what, bool matched)
    {
        if (matched)
        {
            matches.Add(what);
        }
    }
}
