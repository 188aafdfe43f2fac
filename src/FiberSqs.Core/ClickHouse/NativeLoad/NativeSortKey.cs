namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>A row's place in its table's order: the rank of its text key columns among the block's values, then its
/// time (or other numeric key) as a signed 64-bit number.</summary>
internal readonly record struct NativeSortKey(long Group, long Time) : IComparable<NativeSortKey>
{
    public int CompareTo(NativeSortKey other)
    {
        var c = Group.CompareTo(other.Group);
        return c != 0 ? c : Time.CompareTo(other.Time);
    }
}
