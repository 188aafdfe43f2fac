using System.Runtime.CompilerServices;
using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>app_logs' file-wide key sets, read again only for a file that scatters a transaction's rows
/// (<see cref="FileWideKeys"/>): every transaction id referenced (consecutive repeats dropped) and the id of every
/// completed or timeout row.</summary>
internal sealed class TransactionKeyCollector : TableCollector
{
    private static readonly TableSchema T = TableCatalog.AppLogs;
    private static readonly int TransactionId = T.IndexOf("transaction_id");
    private static readonly int Event = T.IndexOf("event");

    private readonly LongBag _referenced = new();
    private readonly LongBag _finals = new();
    private long _lastId = -1;

    public SortedRuns ReferencedIds { get; } = new();
    public SortedRuns FinalIds { get; } = new();

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Row(CsvReader row, RowValues values)
    {
        var id = FieldText.TransactionKey(row.GetSpan(TransactionId));
        if (id != _lastId)
        {
            _referenced.Add(id);
            _lastId = id;
        }

        if (TransactionRowOrder.Stage(row.GetSpan(Event)) == TransactionRowOrder.FinalStage)
        {
            _finals.Add(id);
        }
    }

    public override void Seal()
    {
        ReferencedIds.AddRun(_referenced);
        FinalIds.AddRun(_finals);
    }

    public override void Merge(TableCollector next)
    {
        var o = (TransactionKeyCollector)next;
        ReferencedIds.Append(o.ReferencedIds);
        FinalIds.Append(o.FinalIds);
    }
}
