namespace FiberSqs.Core.Validation;

/// <summary>
/// A set of 64-bit keys (with an optional value per key) kept as sorted runs, one per chunk of a file, each
/// sorted by the worker that read the chunk. Between the scan and the checks the keys live here once, as exact-size
/// arrays (8 bytes a key, 16 with a value); <see cref="NativeKeys"/> gathers a set into one array when a check needs it.
/// </summary>
internal sealed class SortedRuns
{
    private readonly List<long[]> _keys = [];
    private readonly List<long[]?> _values = [];

    /// <summary>Keys in all runs (repeats included).</summary>
    public long Count { get; private set; }

    /// <summary>Sorts one chunk's keys (and the values at the same positions) and keeps them as a run.</summary>
    public void AddRun(LongBag keys, LongBag? values = null)
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
        if (!SortedKeys.IsSorted(k))
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

    /// <summary>The runs, each sorted: keys, and values (or an empty array) at the same positions.</summary>
    public IEnumerable<(long[] Keys, long[] Values)> Runs => _keys.Select((k, i) => (k, _values[i] ?? []));

    /// <summary>Takes over the other set's runs.</summary>
    public void Append(SortedRuns other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _keys.AddRange(other._keys);
        _values.AddRange(other._values);
        Count += other.Count;
        other._keys.Clear();
        other._values.Clear();
        other.Count = 0;
    }
}
