namespace FiberSqs.Core.Scoring;

/// <summary>
/// The points and tolerances of docs/scoring.md, in one place. 100 points in all; blaming a red herring as the root
/// cause zeroes the five root-cause criteria (80 points), so such an answer scores at most 20%.
/// </summary>
internal static class ScoringRules
{
    public const string RootCauseKind = "RootCauseKind";
    public const string Component = "Component";
    public const string Region = "Region";
    public const string Window = "Window";
    public const string FixTime = "FixTime";
    public const string TransactionTypes = "TransactionTypes";
    public const string RedHerrings = "RedHerrings";
    public const string TsoCounts = "TsoCounts";

    public const double KindPoints = 20;
    public const double ComponentPoints = 25;
    public const double RegionPoints = 10;

    /// <summary>10 per edge.</summary>
    public const double WindowPoints = 20;
    public const double FixTimePoints = 5;
    public const double TransactionTypePoints = 10;
    public const double RedHerringPoints = 5;
    public const double TsoPoints = 5;

    /// <summary>The criteria a red-herring blame zeroes: what the answer says the root cause was, and when.</summary>
    public static readonly IReadOnlyList<string> RootCause = [RootCauseKind, Component, Region, Window, FixTime];

    // Component credit (of 25): the exact component; the right place but not the right one (a circuit of the right
    // pair, the failing service without its region, a saturated host named among others); a near miss (the pair
    // reversed); only the right region.
    public const double ComponentExact = 25;
    public const double ComponentHedged = 18;
    public const double ComponentRightPlace = 12;
    public const double ComponentReversed = 8;
    public const double ComponentRightRegion = 5;

    /// <summary>A time within this of the key's earns full credit.</summary>
    public static readonly TimeSpan FullWithin = TimeSpan.FromMinutes(10);

    /// <summary>Within this, half.</summary>
    public static readonly TimeSpan HalfWithin = TimeSpan.FromMinutes(60);

    /// <summary>Within this, a fifth; further off, nothing.</summary>
    public static readonly TimeSpan FifthWithin = TimeSpan.FromHours(6);

    /// <summary>A count within this share of the key's (and at least one call) earns half of its credit.</summary>
    public const double TsoNearShare = 0.05;

    /// <summary>How far around a red herring's window a named window or time still points at it.</summary>
    public static readonly TimeSpan RedHerringSlack = TimeSpan.FromMinutes(10);

    public static double Round(double points) => Math.Round(points, 1, MidpointRounding.AwayFromZero);
}
