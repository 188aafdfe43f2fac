namespace FiberSqs.Core.Scoring;

/// <summary>
/// A scored answer (docs/scoring.md): the team, the points of every criterion and their sum out of the maximum, the
/// percentage, the red herring the answer blamed as the root cause (null when none) and a short feedback line.
/// Measure-FiberSqsAnswer hands it out as FiberSqs.FiberSqsScore; the debrief report reads the same properties.
/// </summary>
public sealed record AnswerScore
{
    public AnswerScore(string team, IReadOnlyList<CriterionScore> criteria, string feedback, string? blamedRedHerring)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        Team = team ?? "";
        Criteria = criteria;
        Feedback = feedback ?? "";
        BlamedRedHerring = blamedRedHerring;
        Score = Math.Round(criteria.Sum(c => c.Points), 1, MidpointRounding.AwayFromZero);
        MaxScore = Math.Round(criteria.Sum(c => c.MaxPoints), 1, MidpointRounding.AwayFromZero);
        Percent = MaxScore > 0 ? Math.Round(100 * Score / MaxScore, 1, MidpointRounding.AwayFromZero) : 0;
        MostMissed = criteria.Where(c => c.Lost > 0).OrderByDescending(c => c.Lost).FirstOrDefault();
    }

    public string Team { get; }
    public double Score { get; }
    public double MaxScore { get; }

    /// <summary>Score as a percentage of MaxScore, one decimal.</summary>
    public double Percent { get; }

    /// <summary>One record per criterion, in the order of docs/scoring.md.</summary>
    public IReadOnlyList<CriterionScore> Criteria { get; }

    public string Feedback { get; }

    /// <summary>The name of the red herring the answer named as the root cause; null when it did not.</summary>
    public string? BlamedRedHerring { get; }

    /// <summary>The criterion that lost the most points (the first of equals); null for a perfect answer.</summary>
    public CriterionScore? MostMissed { get; }

    public override string ToString() => FormattableString.Invariant($"{Team}: {Score:0.#} of {MaxScore:0.#} ({Percent:0.#}%)");
}
