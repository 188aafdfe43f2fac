namespace FiberSqs.Core.Validation;

/// <summary>The transactions of app_logs (one per <c>received</c> row): sorted distinct ids with their customers,
/// for membership tests and id → customer lookups.</summary>
internal sealed class TransactionIndex
{
    public TransactionIndex(long[] ids, long[] customers)
    {
        Array.Sort(ids, customers);
        var w = 0;
        for (var r = 0; r < ids.Length; r++)
        {
            if (w > 0 && ids[r] == ids[w - 1])
            {
                Duplicates++;
                continue;
            }

            ids[w] = ids[r];
            customers[w] = customers[r];
            w++;
        }

        Ids = ids;
        Customers = customers;
        Count = w;
    }

    public long[] Ids { get; }
    public long[] Customers { get; }
    public int Count { get; }
    public long Duplicates { get; }

    public ReadOnlySpan<long> Span => Ids.AsSpan(0, Count);

    /// <summary>The customer key of a transaction, or null when there is no such transaction.</summary>
    public long? CustomerOf(long id)
    {
        var i = Span.BinarySearch(id);
        return i >= 0 ? Customers[i] : null;
    }
}
