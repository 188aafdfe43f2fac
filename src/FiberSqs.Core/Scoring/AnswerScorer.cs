namespace FiberSqs.Core.Scoring;

/// <summary>
/// Scores an answer against a dataset's key (docs/scoring.md): every criterion on its own, then the red-herring rule
/// (an answer that names a red herring as the root cause gets nothing for the root-cause criteria), then a line of
/// feedback. The key is built once per dataset (<see cref="AnswerKey.From"/>); scoring is pure and quick.
/// </summary>
internal static class AnswerScorer
{
    public static AnswerScore Score(AnswerKey key, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(answer);
        var component = ComponentCriterion.Score(key, answer);
        var criteria = new List<CriterionScore>
        {
            KindCriterion.Score(key, answer),
            component,
            RegionCriterion.Score(key, answer),
            WindowCriterion.Score(key, answer),
            FixTimeCriterion.Score(key, answer),
            TransactionTypesCriterion.Score(key, answer),
            RedHerringsCriterion.Score(key, answer),
            TsoCountsCriterion.Score(key, answer),
        };

        var blame = RedHerringBlame.Find(key, answer, component.Points);
        if (blame is { } b)
        {
            criteria = [.. criteria.Select(c => ScoringRules.RootCause.Contains(c.Name)
                ? c with { Points = 0, Why = $"no credit (blames the red herring {b.Confounder.Name}); {c.Why}" }
                : c)];
            return new AnswerScore(answer.Team, criteria,
                $"Blamed the red herring {b.Confounder.Describe()} as the root cause (its {string.Join(", ", b.Matches)} match the answer's); it was {key.Describe()}.",
                b.Confounder.Name);
        }

        return new AnswerScore(answer.Team, criteria, Feedback(criteria), null);
    }

    private static string Feedback(List<CriterionScore> criteria)
    {

        var partial = criteria.Where(c => c.Points > 0 && c.Lost > 0).Select(c => c.Name).ToList();
        var missed = criteria.Where(c => c.Points <= 0).Select(c => c.Name).ToList();
        if (partial.Count == 0 && missed.Count == 0)
        {
            return "Perfect: every criterion in full.";
        }

        var component = criteria.Single(c => c.Name == ScoringRules.Component);
        var kindRight = criteria.Single(c => c.Name == ScoringRules.RootCauseKind).Lost == 0;
        var verdict = kindRight && component.Lost == 0 ? "Found the root cause."
            : component.Points >= ScoringRules.ComponentRightPlace ? "Close to the root cause."
            : "Did not find the root cause.";
        var parts = new List<string> { verdict };
        if (partial.Count > 0)
        {
            parts.Add($"Partial: {string.Join(", ", partial)}.");
        }

        if (missed.Count > 0)
        {
            parts.Add($"Missed: {string.Join(", ", missed)}.");
        }

        return string.Join(' ', parts);
    }
}
