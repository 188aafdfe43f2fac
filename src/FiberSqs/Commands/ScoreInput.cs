using System.Collections;
using System.Management.Automation;
using FiberSqs.Core.Reporting;

namespace FiberSqs.Commands;

/// <summary>
/// Reads a team's score from whatever object holds it, by property name, without depending on its type: the
/// FiberSqs.FiberSqsScore objects Measure-FiberSqsAnswer returns, objects imported from CSV or JSON, or hashtables.
/// Team and Score are required; MaxScore, Percent and Criteria (each with Name, Points and optional MaxPoints) are read
/// when present.
/// </summary>
internal static class ScoreInput
{
    /// <summary>True when the object has neither Team nor Score: not a score at all (a dataset object, a folder).</summary>
    public static bool LacksScoreShape(object? item) => item is null || (Value(item, "Team") is null && Value(item, "Score") is null);

    /// <summary>The score, or null with why it cannot be read.</summary>
    public static ReportScore? Read(object? item, out string why)
    {
        why = "";
        if (item is null)
        {
            why = "the object is null";
            return null;
        }

        var team = Value(item, "Team")?.ToString();
        if (string.IsNullOrWhiteSpace(team))
        {
            why = "it has no Team";
            return null;
        }

        if (!TryNumber(item, "Score", required: true, out var score, ref why) || !TryNumber(item, "MaxScore", required: false, out var max, ref why)
            || !TryNumber(item, "Percent", required: false, out var percent, ref why))
        {
            why = $"team '{team}': {why}";
            return null;
        }

        var criteria = new List<ReportCriterion>();
        if (Value(item, "Criteria") is { } list)
        {
            var index = 0;
            foreach (var c in LanguagePrimitives.GetEnumerable(list) ?? new[] { list })
            {
                var name = c is null ? null : Value(c, "Name")?.ToString();
                if (string.IsNullOrWhiteSpace(name) || !TryNumber(c!, "Points", required: true, out var points, ref why)
                    || !TryNumber(c!, "MaxPoints", required: false, out var maxPoints, ref why))
                {
                    why = $"team '{team}': criterion {index} {(string.IsNullOrWhiteSpace(name) ? "has no Name" : why)}";
                    return null;
                }

                criteria.Add(new ReportCriterion(name, points!.Value, maxPoints));
                index++;
            }
        }

        return new ReportScore(team, score!.Value, max, AsPercent(percent, score.Value, max), criteria);
    }

    /// <summary>Percent is 0–100; a fraction (0–1) that matches Score/MaxScore is read as one.</summary>
    private static double? AsPercent(double? percent, double score, double? max)
    {
        if (percent is not { } p || max is not > 0)
        {
            return percent;
        }

        var actual = 100 * score / max.Value;
        return Math.Abs(p - actual) > 1 && Math.Abs((p * 100) - actual) <= 1 ? p * 100 : p;
    }

    private static bool TryNumber(object item, string name, bool required, out double? value, ref string why)
    {
        value = null;
        var raw = Value(item, name);
        if (raw is null || (raw is string s && string.IsNullOrWhiteSpace(s)))
        {
            if (required)
            {
                why = $"it has no {name}";
            }

            return !required;
        }

        if (!LanguagePrimitives.TryConvertTo<double>(raw, System.Globalization.CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            why = $"its {name} '{Core.Safety.UntrustedText.Escape(raw.ToString(), 40)}' is not a number";
            return false;
        }

        value = number;
        return true;
    }

    /// <summary>A property (or a hashtable's key, either case) of the object; null when absent.</summary>
    private static object? Value(object item, string name)
    {
        var baseObject = item is PSObject ps ? ps.BaseObject : item;
        if (baseObject is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return Unwrap(entry.Value);
                }
            }

            return null;
        }

        return Unwrap(PSObject.AsPSObject(item).Properties[name]?.Value);
    }

    /// <summary>The value inside PowerShell's wrapper, except for a custom object, whose properties live on the wrapper.</summary>
    private static object? Unwrap(object? value) => value is PSObject { BaseObject: not PSCustomObject } ps ? ps.BaseObject : value;
}
