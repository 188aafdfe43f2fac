using System.Runtime.CompilerServices;

namespace FiberSqs.Core.Generation;

/// <summary>Formats a transaction's trace, span and customer ids (unique by construction, see <see cref="IdScrambler"/>).</summary>
internal sealed class TransactionIds(long seed)
{
    private readonly IdScrambler _traces = new(seed, 1);
    private readonly IdScrambler _spans = new(seed, 2);

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fill(Transaction tx)
    {
        "tr"u8.CopyTo(tx.TraceIdText);
        Utf8Text.Hex48(tx.TraceIdText.AsSpan(2), _traces.Scramble((ulong)tx.Seq));
        var spans = Transaction.FirstDependencySpan + (tx.CrossRegion ? tx.Attempts : 0);
        for (var k = 0; k < spans; k++)
        {
            var text = tx.SpanIdText[k];
            "sp"u8.CopyTo(text);
            Utf8Text.Hex48(text.AsSpan(2), _spans.Scramble(((ulong)tx.Seq << 3) | (uint)k));
        }

        "CUST-"u8.CopyTo(tx.CustomerText);
        Utf8Text.Digits(tx.CustomerText.AsSpan(5, 8), tx.Customer);
    }
}
