namespace FiberSqs.Core.Validation;

/// <summary>
/// An append-only list of 64-bit keys in 64 KiB segments: growing never copies or over-allocates by more than
/// one segment, and the bags of several chunks concatenate without copying. Turned into one array
/// (<see cref="ToArray"/>) only to be sorted.
/// </summary>
internal sealed class LongBag
{
    private const int SegmentLength = 8192;
    private readonly List<long[]> _segments = [];
    private readonly List<int> _lengths = [];
    private long[] _current = [];
    private int _used;
    private long _sealed;

    public long Count => _sealed + _used;

    public void Add(long value)
    {
        if (_used == _current.Length)
        {
            Seal();
            _current = new long[SegmentLength];
        }

        _current[_used++] = value;
    }

    /// <summary>Moves the other bag's keys to the end of this one; the other is left empty.</summary>
    public void Append(LongBag other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Seal();
        other.Seal();
        _segments.AddRange(other._segments);
        _lengths.AddRange(other._lengths);
        _sealed += other._sealed;
        other.Clear();
    }

    /// <summary>All keys in order, in one array; the bag is emptied.</summary>
    public long[] ToArray()
    {
        Seal();
        var result = GC.AllocateUninitializedArray<long>(checked((int)_sealed));
        var at = 0;
        for (var i = 0; i < _segments.Count; i++)
        {
            Array.Copy(_segments[i], 0, result, at, _lengths[i]);
            at += _lengths[i];
            _segments[i] = [];
        }

        Clear();
        return result;
    }

    private void Seal()
    {
        if (_used > 0)
        {
            _segments.Add(_current);
            _lengths.Add(_used);
            _sealed += _used;
        }

        _current = [];
        _used = 0;
    }

    private void Clear()
    {
        _segments.Clear();
        _lengths.Clear();
        _sealed = 0;
        _current = [];
        _used = 0;
    }
}
