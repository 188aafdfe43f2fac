namespace FiberSqs.Core.Reporting;

/// <summary>One series of metric samples (a host's CPU, a circuit's RTT) by hour: their sum, count and largest value.</summary>
internal sealed class MetricHours
{
    public MetricHours(int hours)
    {
        Sum = new double[hours];
        Count = new int[hours];
        Max = new double[hours];
        Array.Fill(Max, double.NaN);
    }

    public double[] Sum { get; }

    public int[] Count { get; }

    public double[] Max { get; }

    public void Add(int hour, double value)
    {
        Sum[hour] += value;
        Count[hour]++;
        if (!(Max[hour] >= value))
        {
            Max[hour] = value;
        }
    }

    public void Merge(MetricHours other)
    {
        for (var h = 0; h < Sum.Length; h++)
        {
            Sum[h] += other.Sum[h];
            Count[h] += other.Count[h];
            if (!(Max[h] >= other.Max[h]) && !double.IsNaN(other.Max[h]))
            {
                Max[h] = other.Max[h];
            }
        }
    }

    public double Mean(int hour) => Count[hour] == 0 ? double.NaN : Sum[hour] / Count[hour];
}
