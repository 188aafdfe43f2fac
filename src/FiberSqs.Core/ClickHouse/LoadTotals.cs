namespace FiberSqs.Core.ClickHouse;

/// <summary>The bytes every file of a load has sent, for the overall percentage (2 to 90: the load's share of an import).</summary>
internal sealed class LoadTotals(long totalBytes)
{
    private long _sent;

    public void Add(long bytes) => Interlocked.Add(ref _sent, bytes);

    public int Percent => Math.Min(90, (int)(2 + (88.0 * Interlocked.Read(ref _sent) / Math.Max(1, totalBytes))));
}
