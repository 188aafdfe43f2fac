using System.Globalization;
using System.Text.RegularExpressions;

namespace FiberSqs.Core.Scoring;

/// <summary>Times as answers and the key write them: ISO 8601, UTC unless an offset is given
/// (<c>2025-12-03T12:20:00Z</c>, <c>2025-12-03T12:20Z</c>, <c>2025-12-03 12:20</c>, <c>2025-12-03T13:20+01:00</c>).
/// A date must come first (year-month-day), so <c>03/12/2025</c>, which reads two ways, is refused.</summary>
internal static partial class IsoTime
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]|$)")]
    private static partial Regex DateFirst();

    public static bool TryParse(string? text, out DateTime utc)
    {
        utc = default;
        var trimmed = text?.Trim() ?? "";
        return DateFirst().IsMatch(trimmed)
            && DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc);
    }

    /// <summary>A time read from the answer key; <see cref="InvalidDataException"/> naming the key's field when it does not parse.</summary>
    public static DateTime FromKey(string? text, string field) =>
        TryParse(text, out var utc) ? utc : throw new InvalidDataException($"ground_truth.json: {field} '{text}' is not an ISO 8601 time.");

    /// <summary>A time for a person: minutes, and seconds only when there are some (<c>2025-12-03T12:20Z</c>).</summary>
    public static string Format(DateTime utc) =>
        utc.ToString(utc.Second == 0 && utc.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Format(DateTime start, DateTime end) => $"{Format(start)} to {Format(end)}";
}
