namespace FiberSqs.Core.Reporting;

/// <summary>Calls to one dependency (a service in a region) by hour, from the final app-log rows of the transactions
/// that made one: how many, how many ended in a timeout, and the dependency latency they report.</summary>
internal sealed class DependencyHours
{
    public DependencyHours(int hours)
    {
        Calls = new int[hours];
        Errors = new int[hours];
        LatencySum = new double[hours];
        LatencyCount = new int[hours];
    }

    public int[] Calls { get; }

    public int[] Errors { get; }

    public double[] LatencySum { get; }

    public int[] LatencyCount { get; }

    public void Add(int hour, double latencyMs, bool failed)
    {
        Calls[hour]++;
        if (failed)
        {
            Errors[hour]++;
        }

        if (double.IsFinite(latencyMs))
        {
            LatencySum[hour] += latencyMs;
            LatencyCount[hour]++;
        }
    }

    public void Merge(DependencyHours other)
    {
        for (var h = 0; h < Calls.Length; h++)
        {
            Calls[h] += other.Calls[h];
            Errors[h] += other.Errors[h];
            LatencySum[h] += other.LatencySum[h];
            LatencyCount[h] += other.LatencyCount[h];
        }
    }

    public double ErrorRate(int hour) => Calls[hour] == 0 ? double.NaN : (double)Errors[hour] / Calls[hour];

    public double MeanLatency(int hour) => LatencyCount[hour] == 0 ? double.NaN : LatencySum[hour] / LatencyCount[hour];
}
