namespace FiberSqs.Core.Scoring;

/// <summary>List fields: a CSV cell holds the list in one string separated by <c>;</c> (or <c>,</c>); a JSON array or a
/// PowerShell array holds it as items, each of which may itself be such a string.</summary>
internal static class ListText
{
    private static readonly char[] Separators = [';', ','];

    public static IReadOnlyList<string> Split(IEnumerable<string> items) =>
        [.. items.SelectMany(i => i.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    public static IReadOnlyList<string> Split(string text) => Split([text]);

    /// <summary>A transaction type or confounder name in the data's spelling: lower case, <c>_</c> for <c>-</c> and spaces.</summary>
    public static string Fold(string word) =>
        string.Join('_', word.Trim().ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
}
