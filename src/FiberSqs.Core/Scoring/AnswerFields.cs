namespace FiberSqs.Core.Scoring;

/// <summary>The fields of an answer (docs/scoring.md). These names are Measure-FiberSqsAnswer's parameters, a CSV's
/// columns and a JSON file's or hashtable's keys; a key is matched ignoring case, <c>_</c>, <c>-</c> and spaces, and
/// the TSO counts also take the confusion-matrix query's column names and tso_noise's keys.</summary>
internal static class AnswerFields
{
    public const string Team = "Team";
    public const string RootCauseKind = "RootCauseKind";
    public const string Component = "Component";
    public const string Region = "Region";
    public const string Start = "Start";
    public const string End = "End";
    public const string FixTime = "FixTime";
    public const string TransactionTypes = "TransactionTypes";
    public const string RedHerrings = "RedHerrings";
    public const string FnMissingTxnId = "FnMissingTxnId";
    public const string FpNonexistentTxnId = "FpNonexistentTxnId";
    public const string WrongLink = "WrongLink";
    public const string Tp = "Tp";

    /// <summary>Not a field: what an error names when the answer as a whole (a file, its JSON) cannot be read.</summary>
    public const string WholeAnswer = "Answer";

    /// <summary>Every field, in the order the help lists them.</summary>
    public static readonly IReadOnlyList<string> All =
        [Team, RootCauseKind, Component, Region, Start, End, FixTime, TransactionTypes, RedHerrings, FnMissingTxnId, FpNonexistentTxnId, WrongLink, Tp];

    /// <summary>The fields an answer cannot be scored without.</summary>
    public static readonly IReadOnlyList<string> Required = [RootCauseKind, Component, Start, End];

    // Other spellings, already folded (lower case, no separators): the confusion matrix's columns
    // (fn_missing_txn_id ...) and tso_noise's noise_counts keys (missing, fabricated, wrong_customer, clean).
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["rootcausetype"] = RootCauseKind,
        ["missing"] = FnMissingTxnId,
        ["fabricated"] = FpNonexistentTxnId,
        ["wrongcustomer"] = WrongLink,
        ["clean"] = Tp,
    };

    /// <summary>The field a key names, or null when it names none.</summary>
    public static string? Canonical(string key)
    {
        var folded = Fold(key);
        foreach (var field in All)
        {
            if (Fold(field) == folded)
            {
                return field;
            }
        }

        return Spellings.GetValueOrDefault(folded);
    }

    private static string Fold(string key) =>
        string.Concat(key.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
