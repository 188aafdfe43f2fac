namespace FiberSqs.Core.Reporting;

/// <summary>One region's transactions by hour, from their final app-log row (completed or timeout): how many ended,
/// how many timed out, and their end-to-end latencies (as a histogram, for the p95).</summary>
internal sealed class RegionHours
{
    public RegionHours(int hours)
    {
        Latency = new LogHistogram?[hours];
        Finals = new int[hours];
        Timeouts = new int[hours];
    }

    public LogHistogram?[] Latency { get; }

    public int[] Finals { get; }

    public int[] Timeouts { get; }

    public void Add(int hour, double latencyMs, bool timedOut)
    {
        Finals[hour]++;
        if (timedOut)
        {
            Timeouts[hour]++;
        }

        if (double.IsFinite(latencyMs))
        {
            (Latency[hour] ??= new LogHistogram()).Add(latencyMs);
        }
    }

    public void Merge(RegionHours other)
    {
        for (var h = 0; h < Finals.Length; h++)
        {
            Finals[h] += other.Finals[h];
            Timeouts[h] += other.Timeouts[h];
            if (other.Latency[h] is { } histogram)
            {
                (Latency[h] ??= new LogHistogram()).Merge(histogram);
            }
        }
    }

    /// <summary>Timeouts over transactions ended in the hour; NaN for an hour with none.</summary>
    public double TimeoutRate(int hour) => Finals[hour] == 0 ? double.NaN : (double)Timeouts[hour] / Finals[hour];
}
