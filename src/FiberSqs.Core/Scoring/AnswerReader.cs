using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using FiberSqs.Core.Model;
using FiberSqs.Core.Safety;

namespace FiberSqs.Core.Scoring;

/// <summary>
/// Reads an answer from its fields (docs/scoring.md), whatever carried them: a CSV row's strings, a hashtable's or
/// JSON file's values (strings, numbers, times, arrays). Checks what can be checked without the key: the required
/// fields are there, the times parse, the kind is a known word, the regions are regions, the counts are whole numbers.
/// Anything else throws <see cref="AnswerInvalidException"/> naming the field.
/// </summary>
internal static partial class AnswerReader
{
    /// <summary>Longest text kept from one field: an answer is a few words, not a document.</summary>
    private const int MaxFieldLength = 2000;

    /// <param name="fields">Key → value; keys are matched to <see cref="AnswerFields"/> ignoring case and separators.</param>
    /// <param name="defaultTeam">The team when the answer names none (the file name, or "answer 3").</param>
    public static AnswerReading Read(IEnumerable<KeyValuePair<string, object?>> fields, string defaultTeam)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var ignored = new List<string>();
        foreach (var (key, value) in fields)
        {
            var field = AnswerFields.Canonical(key);
            if (field is null)
            {
                ignored.Add(key);
                continue;
            }

            if (values.ContainsKey(field))
            {
                throw new AnswerInvalidException(field, $"given twice (as '{UntrustedText.Escape(key, 80)}' too); give it once.");
            }

            values[field] = value;
        }

        foreach (var field in AnswerFields.Required)
        {
            if (IsAbsent(values.GetValueOrDefault(field)))
            {
                throw new AnswerInvalidException(field, $"missing; an answer needs {string.Join(", ", AnswerFields.Required)} (docs/scoring.md lists every field).");
            }
        }

        var kindGiven = Text(values, AnswerFields.RootCauseKind)!;
        var kind = KindWords.Parse(kindGiven)
            ?? throw new AnswerInvalidException(AnswerFields.RootCauseKind, $"'{UntrustedText.Escape(kindGiven, 80)}' is not a kind; use one of {KindWords.Allowed}.");
        var regionGiven = Text(values, AnswerFields.Region);
        var regions = RegionWords.Find(regionGiven);
        if (regionGiven is not null && regions.Count == 0)
        {
            throw new AnswerInvalidException(AnswerFields.Region,
                $"'{UntrustedText.Escape(regionGiven, 80)}' names no region; use {string.Join(", ", Scenario.Regions)} (a pair as central -> east).");
        }

        var start = Time(values, AnswerFields.Start)!.Value;
        var end = Time(values, AnswerFields.End)!.Value;
        if (end < start)
        {
            throw new AnswerInvalidException(AnswerFields.End, $"{IsoTime.Format(end)} is before Start ({IsoTime.Format(start)}).");
        }

        var answer = new Answer(
            Team: Text(values, AnswerFields.Team) ?? defaultTeam,
            Kind: kind,
            KindGiven: kindGiven,
            Component: Text(values, AnswerFields.Component)!,
            RegionGiven: regionGiven,
            Regions: regions,
            Start: start,
            End: end,
            FixTime: Time(values, AnswerFields.FixTime),
            TransactionTypes: [.. List(values, AnswerFields.TransactionTypes).Select(ListText.Fold).Distinct()],
            RedHerrings: [.. List(values, AnswerFields.RedHerrings).Select(RedHerring)],
            Tso: new TsoCounts(Count(values, AnswerFields.FnMissingTxnId), Count(values, AnswerFields.FpNonexistentTxnId),
                Count(values, AnswerFields.WrongLink), Count(values, AnswerFields.Tp)));
        return new AnswerReading(answer, ignored);
    }

    /// <summary>The Team an answer's fields name, for an error about an answer that cannot be read; null when none.</summary>
    public static string? TeamOf(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var team = fields.FirstOrDefault(f => AnswerFields.Canonical(f.Key) == AnswerFields.Team).Value;
        return team is string { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
    }

    private static bool IsAbsent(object? value) => value switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        IEnumerable items => !items.Cast<object?>().Any(i => !IsAbsent(i)),
        _ => false,
    };

    /// <summary>A text field: a string, or the items of a list joined with "; " (a JSON list of hosts).</summary>
    private static string? Text(Dictionary<string, object?> values, string field)
    {
        var value = values.GetValueOrDefault(field);
        if (IsAbsent(value))
        {
            return null;
        }

        var text = value is string or not IEnumerable ? Scalar(value, field) : string.Join("; ", Items(value, field));
        return text.Length > MaxFieldLength
            ? throw new AnswerInvalidException(field, $"longer than {MaxFieldLength} characters; give the name, not a report.")
            : text;
    }

    private static IReadOnlyList<string> List(Dictionary<string, object?> values, string field)
    {
        var value = values.GetValueOrDefault(field);
        return IsAbsent(value) ? [] : ListText.Split(value is string s ? [s] : Items(value, field));
    }

    private static List<string> Items(object? value, string field) =>
        value is IEnumerable items and not string
            ? [.. items.Cast<object?>().Where(i => !IsAbsent(i)).Select(i => i is IEnumerable and not string
                ? throw new AnswerInvalidException(field, "holds a list inside a list; give one list of names.")
                : Scalar(i, field))]
            : [Scalar(value, field)];

    private static string Scalar(object? value, string field) => value switch
    {
        null => "",
        string s => s.Trim(),
        DateTime t => IsoTime.Format(Utc(t)),
        DateTimeOffset t => IsoTime.Format(t.UtcDateTime),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        bool or char => value.ToString()!,
        _ => throw new AnswerInvalidException(field, $"holds a {value.GetType().Name}; give text."),
    };

    private static DateTime? Time(Dictionary<string, object?> values, string field)
    {
        var value = values.GetValueOrDefault(field);
        return value switch
        {
            _ when IsAbsent(value) => null,
            DateTime t => Utc(t),
            DateTimeOffset t => t.UtcDateTime,
            string s when IsoTime.TryParse(s, out var utc) => utc,
            _ => throw new AnswerInvalidException(field,
                $"'{UntrustedText.Escape(Convert.ToString(value, CultureInfo.InvariantCulture), 80)}' is not a time; write ISO 8601 in UTC, such as 2025-12-03T12:20:00Z."),
        };
    }

    /// <summary>A DateTime from PowerShell or ConvertFrom-Json: a local one is converted, one of no kind is taken as UTC.</summary>
    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Local => t.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        _ => t,
    };

    private static long? Count(Dictionary<string, object?> values, string field)
    {
        var value = values.GetValueOrDefault(field);
        long? count = value switch
        {
            _ when IsAbsent(value) => null,
            int or long or short or byte or uint or ushort or sbyte => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            double or float or decimal when Convert.ToDecimal(value, CultureInfo.InvariantCulture) is var d && d == decimal.Truncate(d)
                && d is >= 0 and <= long.MaxValue => (long)d,
            string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => n,
            _ => -1,
        };
        return count < 0
            ? throw new AnswerInvalidException(field, $"'{UntrustedText.Escape(Convert.ToString(value, CultureInfo.InvariantCulture), 80)}' is not a count; give a whole number of calls, 0 or more.")
            : count;
    }

    // Two times (each may hold a space: 2025-12-02 09:30) separated by /, .., -- or " to ".
    [GeneratedRegex(@"^\s*(?<start>\d{4}-\d{2}-\d{2}[^/]*?)\s*(?:/|\.\.|--|\s+to\s+)\s*(?<end>\d{4}-\d{2}-\d{2}.*?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WindowForm();

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}")]
    private static partial Regex StartsWithDate();

    /// <summary>One RedHerrings entry: a window (start/end), one time, or a name or words.</summary>
    private static RedHerringClaim RedHerring(string entry)
    {
        if (!StartsWithDate().IsMatch(entry))
        {
            return new RedHerringClaim(entry, null, null);
        }

        var window = WindowForm().Match(entry);
        if (window.Success && IsoTime.TryParse(window.Groups["start"].Value, out var start) && IsoTime.TryParse(window.Groups["end"].Value, out var end))
        {
            return end < start
                ? throw new AnswerInvalidException(AnswerFields.RedHerrings, $"the window '{UntrustedText.Escape(entry, 120)}' ends before it starts.")
                : new RedHerringClaim(entry, start, end);
        }

        return IsoTime.TryParse(entry, out var at)
            ? new RedHerringClaim(entry, at, at)
            : throw new AnswerInvalidException(AnswerFields.RedHerrings,
                $"'{UntrustedText.Escape(entry, 120)}' is neither a name nor a window; write a window as 2025-12-02T09:30Z/2025-12-02T11:00Z (ISO 8601, UTC).");
    }
}
