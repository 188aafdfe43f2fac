namespace FiberSqs.Core.Scoring;

/// <summary>Window: the incident's start and end, 10 points an edge, each by <see cref="TimeTolerance"/>.</summary>
internal static class WindowCriterion
{
    public static CriterionScore Score(AnswerKey key, Answer answer)
    {
        var edge = ScoringRules.WindowPoints / 2;
        var (startShare, startWhy) = TimeTolerance.Of(answer.Start, key.Start);
        var (endShare, endWhy) = TimeTolerance.Of(answer.End, key.End);
        return new CriterionScore(ScoringRules.Window, IsoTime.Format(key.Start, key.End), IsoTime.Format(answer.Start, answer.End),
            ScoringRules.Round(edge * (startShare + endShare)), ScoringRules.WindowPoints, $"start {startWhy}; end {endWhy}");
    }
}
