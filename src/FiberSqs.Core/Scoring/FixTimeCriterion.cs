namespace FiberSqs.Core.Scoring;

/// <summary>FixTime: when the traffic was moved off the failing component, by <see cref="TimeTolerance"/>.</summary>
internal static class FixTimeCriterion
{
    public static CriterionScore Score(AnswerKey key, Answer answer)
    {
        var expected = IsoTime.Format(key.FixTime);
        if (answer.FixTime is not { } given)
        {
            return new CriterionScore(ScoringRules.FixTime, expected, "", 0, ScoringRules.FixTimePoints, "not given");
        }

        var (share, why) = TimeTolerance.Of(given, key.FixTime);
        return new CriterionScore(ScoringRules.FixTime, expected, IsoTime.Format(given),
            ScoringRules.Round(share * ScoringRules.FixTimePoints), ScoringRules.FixTimePoints, why);
    }
}
