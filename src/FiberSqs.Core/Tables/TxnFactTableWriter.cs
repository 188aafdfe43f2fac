using System.Runtime.CompilerServices;
using FiberSqs.Core.Generation;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>txn_facts (Tier 2): one row per transaction; <c>success</c> is true unless it timed out (a retry-status
/// transaction was accepted: success), <c>error_code</c> the timeout's code or empty.</summary>
internal sealed class TxnFactTableWriter(CsvRowWriter csv)
{
    public long Rows => csv.Rows;

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(Transaction tx)
    {
        csv.Text(tx.Id);
        csv.Text(tx.CustomerText);
        csv.Text(V.Regions[tx.Region]);
        csv.Text(V.Types[tx.Type]);
        csv.TimestampMicros(tx.StartTicks);
        csv.TimestampMicros(tx.StartTicks + Transaction.MsToTicks(tx.EndToEndMs));
        csv.Flag(!tx.IsTimeout);
        csv.Text(AppLogTableWriter.ErrorCode(tx));
        csv.Fixed(tx.EndToEndMs, 3);
        csv.EndRow();
    }
}
