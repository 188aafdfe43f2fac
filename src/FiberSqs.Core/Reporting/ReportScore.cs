namespace FiberSqs.Core.Reporting;

/// <summary>One team's score as the report shows it, from what Measure-FiberSqsAnswer returns (read by property name,
/// so any object of that shape will do): the team, its points, the most it could get, the percentage and the criteria.</summary>
internal sealed record ReportScore(string Team, double Score, double? MaxScore, double? Percent, IReadOnlyList<ReportCriterion> Criteria)
{
    /// <summary>The percentage given, else Score over MaxScore; null when neither is known.</summary>
    public double? EffectivePercent => Percent ?? (MaxScore is > 0 ? 100 * Score / MaxScore : null);
}
