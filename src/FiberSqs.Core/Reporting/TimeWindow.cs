namespace FiberSqs.Core.Reporting;

/// <summary>[Start, End) in UTC.</summary>
internal readonly record struct TimeWindow(DateTime Start, DateTime End)
{
    public TimeSpan Length => End - Start;

    public bool Overlaps(TimeWindow other) => Start < other.End && other.Start < End;
}
