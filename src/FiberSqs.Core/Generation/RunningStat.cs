using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>Count, sum, min and max of a series; mergeable across shards.</summary>
internal sealed class RunningStat
{
    public long Count { get; private set; }
    public double Sum { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;

    public double Mean => Count == 0 ? 0 : Sum / Count;

    public void Add(double value)
    {
        Count++;
        Sum += value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }

    public void Merge(RunningStat other)
    {
        Count += other.Count;
        Sum += other.Sum;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    public Stat ToStat() => new()
    {
        Count = Count,
        Min = Count == 0 ? 0 : Math.Round(Min, 3),
        Max = Count == 0 ? 0 : Math.Round(Max, 3),
        Mean = Math.Round(Mean, 3),
    };
}
