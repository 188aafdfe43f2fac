using FiberSqs.Core.Scenarios;

namespace FiberSqs.Core.Scoring;

/// <summary>
/// RedHerrings: how many of the key's red herrings the answer names. An entry names one by its name
/// (<c>central_cpu_spike</c>, <c>central cpu spike</c>), by its region and a word of its kind (<c>central CPU</c>,
/// <c>west deployment</c>), or by a window or time that lies mostly inside its window (10 minutes of slack).
/// </summary>
internal static class RedHerringsCriterion
{
    // Words that say a kind, matched as the start of a word (deploy matches deployment, deployed).
    private static readonly Dictionary<string, string[]> KindStems = new(StringComparer.Ordinal)
    {
        [ScenarioKinds.HostSaturation] = ["cpu", "host", "infra", "saturat", "spike"],
        [ScenarioKinds.DeploymentRegression] = ["deploy", "release", "app", "blip", "rollout", "regression"],
        [ScenarioKinds.DependencyOutage] = ["dependen", "outage"],
        [ScenarioKinds.NetworkCircuitDegradation] = ["network", "circuit", "link", "flap", "packet"],
    };

    public static CriterionScore Score(AnswerKey key, Answer answer)
    {
        var expected = string.Join("; ", key.Confounders.Select(c => c.Describe()));
        var given = string.Join("; ", answer.RedHerrings.Select(r => r.Text));
        if (key.Confounders.Count == 0)
        {
            return new CriterionScore(ScoringRules.RedHerrings, "none", given, ScoringRules.RedHerringPoints, ScoringRules.RedHerringPoints, "the dataset has no red herrings");
        }

        if (answer.RedHerrings.Count == 0)
        {
            return new CriterionScore(ScoringRules.RedHerrings, expected, "", 0, ScoringRules.RedHerringPoints, "not given");
        }

        var found = new List<string>();
        foreach (var c in key.Confounders)
        {
            var how = answer.RedHerrings.Select(r => HowNamed(r, c)).FirstOrDefault(h => h is not null);
            if (how is not null)
            {
                found.Add($"{c.Name} ({how})");
            }
        }

        var unmatched = answer.RedHerrings.Where(r => key.Confounders.All(c => HowNamed(r, c) is null)).Select(r => $"'{r.Text}'").ToList();
        var missed = key.Confounders.Where(c => !found.Any(f => f.StartsWith(c.Name + " ", StringComparison.Ordinal))).Select(c => c.Name).ToList();
        var why = $"named {found.Count} of {key.Confounders.Count}" + (found.Count > 0 ? ": " + string.Join(", ", found) : "");
        if (missed.Count > 0)
        {
            why += "; missed " + string.Join(", ", missed);
        }

        if (unmatched.Count > 0)
        {
            why += "; not a red herring here: " + string.Join(", ", unmatched);
        }

        return new CriterionScore(ScoringRules.RedHerrings, expected, given,
            ScoringRules.Round(ScoringRules.RedHerringPoints * found.Count / key.Confounders.Count), ScoringRules.RedHerringPoints, why);
    }

    /// <summary>How the entry names the red herring ("by name", "by region and kind", "by window"), or null.</summary>
    public static string? HowNamed(RedHerringClaim claim, KeyConfounder c)
    {
        if (claim.IsWindow)
        {
            return WindowOverlap.MostlyInside(claim.Start!.Value, claim.End!.Value, c.Start, c.End, ScoringRules.RedHerringSlack) ? "by window" : null;
        }

        if (ListText.Fold(claim.Text).Contains(ListText.Fold(c.Name), StringComparison.Ordinal))
        {
            return "by name";
        }

        var words = claim.Text.ToLowerInvariant().Split(claim.Text.Where(ch => !char.IsLetter(ch)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
        var stems = KindStems.GetValueOrDefault(c.Kind) ?? [];
        return RegionWords.Find(claim.Text).Contains(c.Region) && words.Any(w => stems.Any(s => w.StartsWith(s, StringComparison.Ordinal)))
            ? "by region and kind"
            : null;
    }
}
