namespace FiberSqs.Core.Generation;

/// <summary>What the customer lived through, which decides whether and why they call support.</summary>
internal enum CallExperience
{
    /// <summary>Completed at the first attempt, in a normal time.</summary>
    Fine,
    /// <summary>Retried, accepted for a later retry (202), or slower than <see cref="ModelParameters.SlowThresholdMs"/>.</summary>
    Slow,
    /// <summary>Timed out.</summary>
    Failed,
}

/// <summary>A support call about one transaction, before its id noise is decided.</summary>
internal readonly record struct TsoCandidate(long Seq, long StartTicks, long EndTicks, long CallTicks, int Region,
    int Type, int Customer, bool Impacted, bool Confounder, CallExperience Experience)
{
    public string TransactionId => TransactionIdText(StartTicks, Seq);

    public static string TransactionIdText(long startTicks, long seq)
    {
        Span<byte> id = stackalloc byte[Utf8Text.TransactionIdLength];
        Utf8Text.TransactionId(id, startTicks, seq);
        return System.Text.Encoding.ASCII.GetString(id);
    }
}

/// <summary>The first transaction (lowest sequence) of a region that ended in a given minute: the pool that
/// wrong-link TSO ids are drawn from.</summary>
internal readonly record struct EndedTransaction(long Seq, long StartTicks, long EndTicks, int Customer);
