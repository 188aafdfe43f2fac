using FiberSqs.Core.Generation;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>txn_facts (Tier 2): one row per transaction.</summary>
internal sealed class TxnFactTableWriter(CsvRowWriter csv)
{
    public long Rows => csv.Rows;

    public void Write(Transaction tx)
    {
        csv.Text(tx.Id);
        csv.Text(tx.CustomerText);
        csv.Text(V.Regions[tx.Region]);
        csv.Text(V.Types[tx.Type]);
        csv.TimestampMicros(tx.StartTicks);
        csv.TimestampMicros(tx.StartTicks + Transaction.MsToTicks(tx.EndToEndMs));
        csv.Flag(tx.Outcome == Outcome.Completed);
        csv.Text(AppLogTableWriter.ErrorCode(tx));
        csv.Fixed(tx.EndToEndMs, 3);
        csv.EndRow();
    }
}
