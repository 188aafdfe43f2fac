using FiberSqs.Core.Scenarios;

namespace FiberSqs.Core.Scoring;

/// <summary>RootCauseKind: the incident's kind, all or nothing.</summary>
internal static class KindCriterion
{
    public static CriterionScore Score(AnswerKey key, Answer answer)
    {
        var right = answer.Kind == key.Kind;
        var given = string.Equals(answer.KindGiven, answer.Kind, StringComparison.OrdinalIgnoreCase) ? answer.Kind : $"{answer.KindGiven} ({answer.Kind})";
        return new CriterionScore(ScoringRules.RootCauseKind, $"{key.Kind} ({ScenarioKinds.RootCauseType(key.Kind)})", given,
            right ? ScoringRules.KindPoints : 0, ScoringRules.KindPoints,
            right ? "the incident's kind" : $"the incident is a {key.Kind}, not a {answer.Kind}");
    }
}
