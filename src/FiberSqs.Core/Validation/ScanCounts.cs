namespace FiberSqs.Core.Validation;

/// <summary>What the generic pass counts: rows, values that do not parse as their column's kind, and timestamps
/// against the window. A <see cref="ChunkScan"/> counts one chunk; a <see cref="TableResult"/> adds its chunks up.</summary>
internal abstract class ScanCounts
{
    public long Rows { get; protected set; }
    public long WrongFieldCount { get; protected set; }
    public long BadNumbers { get; protected set; }
    public long BadTimestamps { get; protected set; }
    public long BadFlags { get; protected set; }
    public long EmptyRequired { get; protected set; }
    public long MalformedQuoting { get; protected set; }
    public long TimestampsChecked { get; protected set; }
    public long OutsideWindow { get; protected set; }
    public long MinTicks { get; protected set; } = long.MaxValue;
    public long MaxTicks { get; protected set; } = long.MinValue;

    public long ParseProblems => WrongFieldCount + BadNumbers + BadTimestamps + BadFlags + EmptyRequired + MalformedQuoting;

    protected void AddCounts(ScanCounts other)
    {
        Rows += other.Rows;
        WrongFieldCount += other.WrongFieldCount;
        BadNumbers += other.BadNumbers;
        BadTimestamps += other.BadTimestamps;
        BadFlags += other.BadFlags;
        EmptyRequired += other.EmptyRequired;
        MalformedQuoting += other.MalformedQuoting;
        TimestampsChecked += other.TimestampsChecked;
        OutsideWindow += other.OutsideWindow;
        MinTicks = Math.Min(MinTicks, other.MinTicks);
        MaxTicks = Math.Max(MaxTicks, other.MaxTicks);
    }
}
