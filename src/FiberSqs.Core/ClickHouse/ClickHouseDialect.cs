namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// What SQL a server accepts, decided from its version. 18.16 (the oldest supported) has no DateTime64, no CTEs,
/// no CREATE OR REPLACE and no DROP VIEW, and LowCardinality only behind an experimental setting; current servers
/// (20.x and later, chDB 26.5) have all of them. The SQL producer asks this object, never the version directly.
/// </summary>
internal sealed class ClickHouseDialect
{
    private ClickHouseDialect(ClickHouseVersion version)
    {
        Version = version;
        // Each feature from the first release line where it is stable and on by default (parseDateTime64BestEffort
        // exists from 20.1 but rejected its precision argument until mid-2020, so DateTime64 waits for 20.8 LTS;
        // WITH name AS (subquery) arrived in 20.10).
        HasDateTime64 = version.AtLeast(20, 8);
        HasCommonTableExpressions = version.AtLeast(20, 10);
        HasCreateOrReplaceView = version.AtLeast(20, 10);
        HasDropView = version.AtLeast(20, 10);
        HasLowCardinality = version.AtLeast(20, 3);
    }

    public ClickHouseVersion Version { get; }

    /// <summary>Typed timestamps keep microseconds (DateTime64(6)); else whole seconds (DateTime).</summary>
    public bool HasDateTime64 { get; }

    /// <summary><c>WITH name AS (subquery)</c>.</summary>
    public bool HasCommonTableExpressions { get; }

    /// <summary><c>CREATE OR REPLACE VIEW</c>, which swaps a view's definition atomically.</summary>
    public bool HasCreateOrReplaceView { get; }

    /// <summary><c>DROP VIEW</c>; older servers drop views with <c>DROP TABLE</c>.</summary>
    public bool HasDropView { get; }

    /// <summary><c>LowCardinality(String)</c> without an experimental setting.</summary>
    public bool HasLowCardinality { get; }

    /// <summary>The oldest server line this module supports, and the dialect chosen for it.</summary>
    public static readonly ClickHouseDialect Legacy = For(ClickHouseVersion.Parse("18.16.1"));

    /// <summary>The current line (chDB 26.5).</summary>
    public static readonly ClickHouseDialect Current = For(ClickHouseVersion.Parse("26.5.1.1"));

    public static ClickHouseDialect For(ClickHouseVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new ClickHouseDialect(version);
    }

    /// <summary>True for a server older than the oldest supported line.</summary>
    public bool IsUnsupported => !Version.AtLeast(18, 16);

    public override string ToString() => $"ClickHouse {Version} ({(HasDateTime64 ? "current" : "legacy")} dialect)";
}
