namespace FiberSqs.Core.Reporting;

/// <summary>The class's scores read together: the teams best first, the mean and median percentage, and each criterion
/// with the share of its points the class won (hardest first), for the debrief's "where did we lose points".</summary>
internal sealed class ClassSummary
{
    public ClassSummary(IReadOnlyList<ReportScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        Teams = [.. scores.OrderByDescending(s => s.EffectivePercent ?? double.NegativeInfinity).ThenByDescending(s => s.Score)
            .ThenBy(s => s.Team, StringComparer.Ordinal)];
        var percents = scores.Select(s => s.EffectivePercent).OfType<double>().Order().ToList();
        MeanPercent = percents.Count == 0 ? null : percents.Average();
        MedianPercent = percents.Count == 0 ? null
            : percents.Count % 2 == 1 ? percents[percents.Count / 2] : (percents[(percents.Count / 2) - 1] + percents[percents.Count / 2]) / 2;
        CriterionNames = [.. scores.SelectMany(s => s.Criteria).Select(c => c.Name).Distinct()];
        Criteria = [.. CriterionNames
            .Select(name => (Name: name, Items: scores.SelectMany(s => s.Criteria).Where(c => c.Name == name && c.MaxPoints is > 0).ToList()))
            .Where(x => x.Items.Count > 0)
            .Select(x => (x.Name, Share: x.Items.Sum(c => c.Points) / x.Items.Sum(c => c.MaxPoints!.Value), Teams: x.Items.Count))
            .OrderBy(x => x.Share).ThenBy(x => x.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<ReportScore> Teams { get; }

    public double? MeanPercent { get; }

    public double? MedianPercent { get; }

    /// <summary>Every criterion name, in the order first met (the columns of the class table).</summary>
    public IReadOnlyList<string> CriterionNames { get; }

    /// <summary>Criteria with a known maximum: the share of the points the class won, lowest first.</summary>
    public IReadOnlyList<(string Name, double Share, int Teams)> Criteria { get; }
}
