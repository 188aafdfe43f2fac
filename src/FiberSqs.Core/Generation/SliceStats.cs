namespace FiberSqs.Core.Generation;

/// <summary>Transactions of one slice (a confounder's region inside or outside its window): count, timeouts, latency.</summary>
internal sealed class SliceStats
{
    public long Transactions { get; set; }
    public long Timeouts { get; set; }
    public LatencyHistogram Latency { get; } = new();

    public void Add(Transaction tx)
    {
        Transactions++;
        Timeouts += tx.IsTimeout ? 1 : 0;
        Latency.Add(tx.EndToEndMs);
    }

    public void Merge(SliceStats other)
    {
        Transactions += other.Transactions;
        Timeouts += other.Timeouts;
        Latency.Merge(other.Latency);
    }
}
