using System.Globalization;

namespace FiberSqs.Core.Scoring;

/// <summary>How much credit a time earns by how far it is from the key's (docs/scoring.md): within 10 minutes all of
/// it, within an hour half, within six hours a fifth, further off nothing. Minutes, not seconds: nobody reads an
/// incident's edge to the second from per-minute metrics.</summary>
internal static class TimeTolerance
{
    public static (double Share, string Why) Of(DateTime given, DateTime expected)
    {
        var off = given - expected;
        var distance = off.Duration();
        var (share, band) = distance <= ScoringRules.FullWithin ? (1.0, "full: within 10 min")
            : distance <= ScoringRules.HalfWithin ? (0.5, "half: within 60 min")
            : distance <= ScoringRules.FifthWithin ? (0.2, "a fifth: within 6 h")
            : (0.0, "none: over 6 h off");
        return (share, $"{Distance(off)} ({band})");
    }

    /// <summary><c>exact</c>, <c>4 min early</c>, <c>2.5 h late</c>, <c>3.1 days early</c>.</summary>
    public static string Distance(TimeSpan off)
    {
        var d = off.Duration();
        var side = off < TimeSpan.Zero ? "early" : "late";
        return d < TimeSpan.FromSeconds(1) ? "exact"
            : d < TimeSpan.FromMinutes(1) ? string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0} s {side}")
            : d < TimeSpan.FromHours(2) ? string.Create(CultureInfo.InvariantCulture, $"{d.TotalMinutes:0} min {side}")
            : d < TimeSpan.FromDays(2) ? string.Create(CultureInfo.InvariantCulture, $"{d.TotalHours:0.#} h {side}")
            : string.Create(CultureInfo.InvariantCulture, $"{d.TotalDays:0.#} days {side}");
    }
}
