using FiberSqs.Core.Model;

namespace FiberSqs.Core.Scoring;

/// <summary>TransactionTypes: the overlap of the named types with the impacted ones (shared / all named or
/// impacted), so a missing type and a wrong one cost alike.</summary>
internal static class TransactionTypesCriterion
{
    public static CriterionScore Score(AnswerKey key, Answer answer)
    {
        var expected = key.TransactionTypes;
        var given = answer.TransactionTypes;
        var text = string.Join(", ", given);
        if (given.Count == 0)
        {
            return new CriterionScore(ScoringRules.TransactionTypes, string.Join(", ", expected), "", 0, ScoringRules.TransactionTypePoints, "not given");
        }

        var right = given.Where(expected.Contains).ToList();
        var wrong = given.Where(t => !expected.Contains(t)).ToList();
        var union = expected.Union(given).Count();
        var why = $"{right.Count} of {expected.Count} impacted types";
        if (wrong.Count > 0)
        {
            why += "; not impacted: " + string.Join(", ", wrong.Select(t => Scenario.TransactionTypes.Contains(t) ? t : $"{t} (not a type of the data)"));
        }

        var missed = expected.Where(t => !given.Contains(t)).ToList();
        if (missed.Count > 0)
        {
            why += "; missed: " + string.Join(", ", missed);
        }

        return new CriterionScore(ScoringRules.TransactionTypes, string.Join(", ", expected), text,
            ScoringRules.Round(ScoringRules.TransactionTypePoints * right.Count / union), ScoringRules.TransactionTypePoints, why);
    }
}
