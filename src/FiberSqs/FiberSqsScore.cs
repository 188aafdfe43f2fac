using FiberSqs.Core.Scoring;

namespace FiberSqs;

/// <summary>
/// One scored answer, as Measure-FiberSqsAnswer returns it (docs/scoring.md): the team, its score out of the maximum
/// and as a percentage, one record per criterion (Name, Expected, Given, Points, MaxPoints, Why), the criterion that
/// lost the most, the red herring it blamed (if it did) and a line of feedback. Export-FiberSqsReport reads Team,
/// Score, MaxScore, Percent and Criteria by these names.
/// </summary>
public sealed class FiberSqsScore
{
    internal FiberSqsScore(AnswerScore result, string path, string source)
    {
        Result = result;
        Path = path;
        Source = source;
    }

    /// <summary>The engine's record of the score (for the report and other cmdlets of the module).</summary>
    internal AnswerScore Result { get; }

    public string Team => Result.Team;
    public double Score => Result.Score;
    public double MaxScore => Result.MaxScore;

    /// <summary>Score as a percentage of MaxScore, one decimal.</summary>
    public double Percent => Result.Percent;

    /// <summary>One record per criterion: RootCauseKind, Component, Region, Window, FixTime, TransactionTypes,
    /// RedHerrings, TsoCounts.</summary>
    public IReadOnlyList<CriterionScore> Criteria => Result.Criteria;

    /// <summary>The name of the criterion that lost the most points; null for a perfect answer.</summary>
    public string? MostMissed => Result.MostMissed?.Name;

    /// <summary>The red herring the answer named as the root cause (its root-cause criteria then earn nothing); null when none.</summary>
    public string? BlamedRedHerring => Result.BlamedRedHerring;

    public string Feedback => Result.Feedback;

    /// <summary>The dataset folder whose ground_truth.json the answer was scored against (full path).</summary>
    public string Path { get; }

    /// <summary>Where the answer came from: its file, or its place in the input (answer 3).</summary>
    public string Source { get; }

    /// <summary>The criterion with that name, or null.</summary>
    public CriterionScore? Criterion(string name) => Criteria.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Result.ToString();
}
