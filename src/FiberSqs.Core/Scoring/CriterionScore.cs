namespace FiberSqs.Core.Scoring;

/// <summary>
/// One criterion of a scored answer (docs/scoring.md): its name (the answer field it scores: RootCauseKind,
/// Component, Region, Window, FixTime, TransactionTypes, RedHerrings, TsoCounts), what the key holds and what the
/// answer gave, in words, the points earned of the points it is worth, and why.
/// </summary>
public sealed record CriterionScore(string Name, string Expected, string Given, double Points, double MaxPoints, string Why)
{
    /// <summary>The points this criterion lost.</summary>
    public double Lost => MaxPoints - Points;

    public override string ToString() => FormattableString.Invariant($"{Name}: {Points:0.#} of {MaxPoints:0.#} ({Why})");
}
