using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>txn_facts: the transaction id and customer of each row.</summary>
internal sealed class TxnFactCollector : TableCollector
{
    private static readonly int TransactionId = TableCatalog.TxnFacts.IndexOf("transaction_id");
    private static readonly int Customer = TableCatalog.TxnFacts.IndexOf("customer_id");

    public LongBag Ids { get; } = new();
    public LongBag Customers { get; } = new();

    public override void Row(CsvReader row, RowValues values)
    {
        Ids.Add(FieldText.TransactionKey(row.GetSpan(TransactionId)));
        Customers.Add(FieldText.CustomerKey(row.GetSpan(Customer)));
    }

    public override void Merge(TableCollector next)
    {
        var o = (TxnFactCollector)next;
        Ids.Append(o.Ids);
        Customers.Append(o.Customers);
    }
}
