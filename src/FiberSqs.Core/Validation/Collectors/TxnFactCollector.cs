using System.Runtime.CompilerServices;
using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>txn_facts: the transaction id and customer of each row.</summary>
internal sealed class TxnFactCollector : TableCollector
{
    private static readonly int TransactionId = TableCatalog.TxnFacts.IndexOf("transaction_id");
    private static readonly int Customer = TableCatalog.TxnFacts.IndexOf("customer_id");

    private readonly LongBag _ids = new();
    private readonly LongBag _customers = new();

    /// <summary>The transaction id of each row, with its customer as the value.</summary>
    public SortedRuns Facts { get; } = new();

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Row(CsvReader row, RowValues values)
    {
        _ids.Add(FieldText.TransactionKey(row.GetSpan(TransactionId)));
        _customers.Add(FieldText.CustomerKey(row.GetSpan(Customer)));
    }

    public override void Seal() => Facts.AddRun(_ids, _customers);

    public override void Merge(TableCollector next)
    {
        Facts.Append(((TxnFactCollector)next).Facts);
    }
}
