using System.Globalization;

namespace FiberSqs.Core.Scoring;

/// <summary>TsoCounts: the four counts of the TSO confusion matrix against tso_noise.noise_counts, a quarter each:
/// exact earns it, within 5% of the key's count (at least one call) half of it.</summary>
internal static class TsoCountsCriterion
{
    public static CriterionScore Score(AnswerKey key, Answer answer)
    {
        var expected = Text(key.Tso);
        if (!answer.Tso.Any)
        {
            return new CriterionScore(ScoringRules.TsoCounts, expected, "", 0, ScoringRules.TsoPoints, "not given");
        }

        var quarter = ScoringRules.TsoPoints / 4;
        var points = 0.0;
        var notes = new List<string>();
        var truth = key.Tso.ByField;
        var given = answer.Tso.ByField;
        for (var i = 0; i < truth.Count; i++)
        {
            var (field, right) = (truth[i].Field, truth[i].Count ?? 0);
            if (given[i].Count is not { } count)
            {
                notes.Add($"{field} not given");
                continue;
            }

            var off = Math.Abs(count - right);
            if (off == 0)
            {
                points += quarter;
            }
            else if (off <= Math.Max(1, ScoringRules.TsoNearShare * right))
            {
                points += quarter / 2;
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{field} {count} is near {right}"));
            }
            else
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{field} {count} is not {right}"));
            }
        }

        return new CriterionScore(ScoringRules.TsoCounts, expected, Text(answer.Tso), ScoringRules.Round(points), ScoringRules.TsoPoints,
            notes.Count == 0 ? "all four counts right" : string.Join("; ", notes));
    }

    private static string Text(TsoCounts counts) =>
        string.Join("; ", counts.ByField.Where(f => f.Count is not null).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Field}={f.Count}")));
}
