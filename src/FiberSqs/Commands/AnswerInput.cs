using System.Collections;
using System.Management.Automation;
using FiberSqs.Core.Scoring;

namespace FiberSqs.Commands;

/// <summary>
/// Turns what a user gives as -Answer into the fields the engine reads (docs/scoring.md): a hashtable's entries, an
/// object's properties (Import-Csv's rows, ConvertFrom-Json's objects, [pscustomobject]), a JSON file (a path or
/// Get-ChildItem's item), or JSON text. PowerShell wrappers are taken off every value, so a [datetime] stays one.
/// </summary>
internal static class AnswerInput
{
    /// <summary>One answer's fields, where they came from (a file's path, or null) and the team to use when it names none.</summary>
    internal sealed record Fields(IReadOnlyList<KeyValuePair<string, object?>> Values, string? File, string? DefaultTeam);

    /// <param name="item">One -Answer value.</param>
    /// <param name="resolvePath">Resolves a path the user typed (relative to the current location) to a file-system path.</param>
    /// <exception cref="AnswerInvalidException">A file that is missing or not JSON, JSON text that is not an object.</exception>
    public static Fields Read(object? item, Func<string, string> resolvePath)
    {
        var raw = item is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : item;
        switch (raw)
        {
            case null:
                throw new AnswerInvalidException(AnswerFields.WholeAnswer, "is empty; give a hashtable, an object, a JSON file's path or JSON text.");
            case string text when text.TrimStart().StartsWith('{'):
                return new Fields(AnswerJson.Read(text, "the JSON text"), null, null);
            case string path:
                return FromFile(resolvePath(path));
            case FileInfo file:
                return FromFile(file.FullName);
            case IDictionary table:
                return new Fields([.. table.Cast<DictionaryEntry>().Select(e => new KeyValuePair<string, object?>(Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", Unwrap(e.Value)))], null, null);
            default:
                return new Fields(Properties(PSObject.AsPSObject(raw)), null, null);
        }
    }

    /// <summary>An object's readable properties (a CSV row's columns, a JSON object's members).</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Properties(PSObject item) =>
        [.. item.Properties.Where(p => p.IsGettable).Select(p => new KeyValuePair<string, object?>(p.Name, Unwrap(SafeValue(p))))];

    /// <summary>A value without its PowerShell wrapper; lists as lists of unwrapped items.</summary>
    public static object? Unwrap(object? value) => value switch
    {
        PSObject ps when ps.BaseObject is not PSCustomObject => Unwrap(ps.BaseObject),
        string s => s,
        IList list => list.Cast<object?>().Select(Unwrap).ToList(),
        _ => value,
    };

    private static Fields FromFile(string path) =>
        new(AnswerJson.ReadFile(path), path, System.IO.Path.GetFileNameWithoutExtension(path));

    private static object? SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }
}
