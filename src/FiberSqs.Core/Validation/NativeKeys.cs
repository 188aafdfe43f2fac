using System.Runtime.InteropServices;

namespace FiberSqs.Core.Validation;

/// <summary>
/// One table's keys (and optional values) gathered from its sorted runs into a single native array, sorted and
/// made distinct in place, and freed as soon as a check has counted what it needs: native memory goes back to the
/// system at once, where a freed managed array of this size would stay in the process until the GC decides.
/// </summary>
internal sealed unsafe class NativeKeys : IDisposable
{
    private long* _keys;
    private long* _values;
    private readonly int _capacity;

    private NativeKeys(SortedRuns runs, bool withValues)
    {
        _capacity = checked((int)runs.Count);
        _keys = (long*)NativeMemory.Alloc((nuint)Math.Max(1, _capacity), sizeof(long));
        _values = withValues ? (long*)NativeMemory.Alloc((nuint)Math.Max(1, _capacity), sizeof(long)) : null;
        var at = 0;
        foreach (var (keys, values) in runs.Runs)
        {
            keys.CopyTo(new Span<long>(_keys + at, keys.Length));
            if (withValues)
            {
                values.CopyTo(new Span<long>(_values + at, keys.Length));
            }

            at += keys.Length;
        }

        if (withValues)
        {
            Keys.Sort(Values);
        }
        else
        {
            Keys.Sort();
        }

        // Distinct in place, keeping the first value of each key.
        var w = 0;
        for (var r = 0; r < _capacity; r++)
        {
            if (w > 0 && _keys[r] == _keys[w - 1])
            {
                continue;
            }

            _keys[w] = _keys[r];
            if (withValues)
            {
                _values[w] = _values[r];
            }

            w++;
        }

        Total = _capacity;
        Count = w;
    }

    /// <summary>The distinct keys and values of <paramref name="runs"/>, sorted.</summary>
    public static NativeKeys From(SortedRuns runs, bool withValues = false) => new(runs, withValues);

    /// <summary>Entries before removing repeats.</summary>
    public long Total { get; }

    /// <summary>Distinct keys.</summary>
    public int Count { get; }

    public long Repeats => Total - Count;

    public Span<long> Keys => _keys is null ? [] : new Span<long>(_keys, Count == 0 ? _capacity : Count);

    public Span<long> Values => _values is null ? [] : new Span<long>(_values, Count == 0 ? _capacity : Count);

    /// <summary>The value of a key, or null when the key is absent.</summary>
    public long? ValueOf(long key)
    {
        var i = ((ReadOnlySpan<long>)Keys).BinarySearch(key);
        return i >= 0 ? Values[i] : null;
    }

    public void Dispose()
    {
        NativeMemory.Free(_keys);
        NativeMemory.Free(_values);
        _keys = null;
        _values = null;
    }
}
