using System.Globalization;

namespace FiberSqs.Core.ClickHouse;

/// <summary>A server version as <c>SELECT version()</c> reports it (18.16.1, 26.5.1.1, ...).</summary>
internal sealed record ClickHouseVersion(int Major, int Minor, int Patch, string Text) : IComparable<ClickHouseVersion>
{
    public static ClickHouseVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var parts = trimmed.Split('.', '-', ' ');
        int Part(int i) => i < parts.Length && int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        if (parts.Length == 0 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"'{trimmed}' is not a ClickHouse version.");
        }

        return new ClickHouseVersion(Part(0), Part(1), Part(2), trimmed);
    }

    public bool AtLeast(int major, int minor) => Major > major || (Major == major && Minor >= minor);

    public int CompareTo(ClickHouseVersion? other) =>
        other is null ? 1 : (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public override string ToString() => Text;

    public static bool operator <(ClickHouseVersion left, ClickHouseVersion right) => Compare(left, right) < 0;

    public static bool operator <=(ClickHouseVersion left, ClickHouseVersion right) => Compare(left, right) <= 0;

    public static bool operator >(ClickHouseVersion left, ClickHouseVersion right) => Compare(left, right) > 0;

    public static bool operator >=(ClickHouseVersion left, ClickHouseVersion right) => Compare(left, right) >= 0;

    private static int Compare(ClickHouseVersion? left, ClickHouseVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
