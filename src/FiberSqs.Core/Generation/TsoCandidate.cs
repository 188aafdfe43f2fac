namespace FiberSqs.Core.Generation;

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
