namespace FiberSqs.Core.Scoring;

/// <summary>The TSO confusion matrix (README's query; tso_noise.noise_counts in the key): calls whose transaction id is
/// missing (fn_missing_txn_id = missing), names no transaction (fp_nonexistent_txn_id = fabricated), names another
/// customer's transaction (wrong_link = wrong_customer), or is right (tp = clean). Null for a count not given.</summary>
internal sealed record TsoCounts(long? FnMissingTxnId, long? FpNonexistentTxnId, long? WrongLink, long? Tp)
{
    public static readonly TsoCounts None = new(null, null, null, null);

    public bool Any => FnMissingTxnId is not null || FpNonexistentTxnId is not null || WrongLink is not null || Tp is not null;

    /// <summary>The four counts with their field names, in the query's column order.</summary>
    public IReadOnlyList<(string Field, long? Count)> ByField =>
    [
        (AnswerFields.FnMissingTxnId, FnMissingTxnId), (AnswerFields.FpNonexistentTxnId, FpNonexistentTxnId),
        (AnswerFields.WrongLink, WrongLink), (AnswerFields.Tp, Tp),
    ];
}
