using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>tso_calls: every call (a few per thousand transactions, so kept as rows).</summary>
internal sealed class TsoCallCollector : TableCollector
{
    private static readonly int CallId = TableCatalog.TsoCalls.IndexOf("call_id");
    private static readonly int Customer = TableCatalog.TsoCalls.IndexOf("customer_id");
    private static readonly int TransactionId = TableCatalog.TsoCalls.IndexOf("transaction_id");

    public List<TsoCallRow> Calls { get; } = [];

    public override void Row(CsvReader row, RowValues values)
    {
        var tx = row.GetSpan(TransactionId);
        Calls.Add(new TsoCallRow(row.GetString(CallId), FieldText.CustomerKey(row.GetSpan(Customer)),
            row.GetString(TransactionId), FieldText.TransactionKey(tx)));
    }

    public override void Merge(TableCollector next) => Calls.AddRange(((TsoCallCollector)next).Calls);
}
