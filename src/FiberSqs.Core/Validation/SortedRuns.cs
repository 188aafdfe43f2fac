namespace FiberSqs.Core.Validation;

/// <summary>
/// A set of 64-bit keys (with an optional value per key) kept as sorted runs, one per chunk of a file, each
/// sorted by the worker that read the chunk, or (for sets a check may never need) left in file order until
/// <see cref="NativeKeys"/> asks for them. Between the scan and the checks the keys live here once, as exact-size
/// arrays (8 bytes a key, 16 with a value); <see cref="NativeKeys"/> gathers a set into one array when a check needs it.
/// </summary>
internal sealed class SortedRuns
{
    private readonly List<long[]> _keys = [];
    private readonly List<long[]?> _values = [];
    private readonly List<int> _unsorted = [];

    /// <summary>Keys in all runs (repeats included).</summary>
    public long Count { get; private set; }

    /// <summary>Sorts one chunk's keys (and the values at the same positions) and keeps them as a run; with
    /// <paramref name="sortLater"/> (keys alone) the sort waits until <see cref="Runs"/> is read.</summary>
    public void AddRun(LongBag keys, LongBag? values = null, bool sortLater = false)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var k = keys.ToArray();
        if (k.Length == 0)
        {
            values?.ToArray();
            return;
        }

        // Transaction ids come in file order, which is id order: those runs are sorted already.
        var v = values?.ToArray();
        if (sortLater && v is null)
        {
            _unsorted.Add(_keys.Count);
        }
        else if (!SortedKeys.IsSorted(k))
        {
            if (v is null)
            {
                Array.Sort(k);
            }
            else
            {
                Array.Sort(k, v);
            }
        }

        _keys.Add(k);
        _values.Add(v);
        Count += k.Length;
    }

    /// <summary>Sorts the runs whose sort was put off, on every core.</summary>
    private void SortPending()
    {
        Parallel.ForEach(_unsorted, r => Array.Sort(_keys[r]));
        _unsorted.Clear();
    }

    /// <summary>The runs, each sorted: keys, and values (or an empty array) at the same positions.</summary>
    public IEnumerable<(long[] Keys, long[] Values)> Runs
    {
        get
        {
            SortPending();
            return _keys.Select((k, i) => (k, _values[i] ?? []));
        }
    }

    /// <summary>Takes over the other set's runs.</summary>
    public void Append(SortedRuns other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _unsorted.AddRange(other._unsorted.Select(r => r + _keys.Count));
        _keys.AddRange(other._keys);
        _values.AddRange(other._values);
        Count += other.Count;
        other._keys.Clear();
        other._values.Clear();
        other._unsorted.Clear();
        other.Count = 0;
    }
}
