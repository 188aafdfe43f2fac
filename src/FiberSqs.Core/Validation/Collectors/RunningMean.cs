namespace FiberSqs.Core.Validation.Collectors;

/// <summary>Count and sum of a series (mergeable).</summary>
internal struct RunningMean
{
    public long Count;
    public double Sum;

    public void Add(double value)
    {
        Count++;
        Sum += value;
    }

    public void Add(RunningMean other)
    {
        Count += other.Count;
        Sum += other.Sum;
    }

    public readonly double Mean => Count == 0 ? double.NaN : Sum / Count;
}
