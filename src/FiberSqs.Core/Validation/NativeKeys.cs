using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FiberSqs.Core.Validation;

/// <summary>
/// One table's keys (and optional values) gathered from its sorted runs into a single native array by merging the
/// runs (equal keys in run order, so the value kept for a key is the first in file order), made distinct in place,
/// and freed as soon as a check has counted what it needs: native memory goes back to the system at once, where a freed managed array of this size would stay in the process until the GC decides.
/// </summary>
internal sealed unsafe class NativeKeys : IDisposable
{
    private long* _keys;
    private long* _values;
    private readonly int _capacity;

    // Each method here runs once per key set over millions of keys: compiled optimized at once, not first at tier 0.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private NativeKeys(SortedRuns runs, bool withValues)
    {
        _capacity = checked((int)runs.Count);
        _keys = (long*)NativeMemory.Alloc((nuint)Math.Max(1, _capacity), sizeof(long));
        _values = withValues ? (long*)NativeMemory.Alloc((nuint)Math.Max(1, _capacity), sizeof(long)) : null;
        Merge([.. runs.Runs], _keys, _values);

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

    /// <summary>Writes the runs' keys (and values) in ascending order: copied as they are when each run starts at or
    /// after the end of the one before (transaction ids, which the files hold in id order); else keys alone are cut into
    /// buckets (<see cref="BucketSort"/>), and keys with values merged through a heap of the runs' heads, which keeps
    /// equal keys in run order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Merge(List<(long[] Keys, long[] Values)> runs, long* keys, long* values)
    {
        var inOrder = true;
        for (var r = 1; r < runs.Count && inOrder; r++)
        {
            inOrder = runs[r].Keys[0] >= runs[r - 1].Keys[^1];
        }

        var at = 0;
        if (inOrder)
        {
            foreach (var (k, v) in runs)
            {
                k.CopyTo(new Span<long>(keys + at, k.Length));
                if (values is not null)
                {
                    v.CopyTo(new Span<long>(values + at, k.Length));
                }

                at += k.Length;
            }

            return;
        }

        var total = runs.Sum(r => (long)r.Keys.Length);
        if (values is null && total >= 1 << 16)
        {
            BucketSort([.. runs.Select(r => r.Keys)], keys, total);
            return;
        }

        HeapMerge(runs, keys, values);
    }

    /// <summary>Merges through a binary min-heap of the runs by (head key, run number): O(n log runs), equal keys in
    /// run order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void HeapMerge(List<(long[] Keys, long[] Values)> runs, long* keys, long* values)
    {
        var at = 0;
        var heads = new long[runs.Count];
        var next = new int[runs.Count];
        var heap = new int[runs.Count];
        var size = runs.Count;
        for (var r = 0; r < size; r++)
        {
            heads[r] = runs[r].Keys[0];
            heap[r] = r;
        }

        for (var i = size / 2 - 1; i >= 0; i--)
        {
            SiftDown(heap, size, i, heads);
        }

        while (size > 0)
        {
            var r = heap[0];
            var (k, v) = runs[r];
            // The smallest of the other heads is at one of the root's children: take the run's keys up to it in one go.
            var other = size == 1 ? -1 : size == 2 || Less(heap[1], heap[2], heads) ? heap[1] : heap[2];
            var limit = other < 0 ? long.MaxValue : heads[other];
            var i = next[r];
            do
            {
                keys[at] = k[i];
                if (values is not null)
                {
                    values[at] = v[i];
                }

                at++;
                i++;
            }
            while (i < k.Length && (k[i] < limit || (k[i] == limit && r < other)));

            next[r] = i;
            if (i == k.Length)
            {
                heap[0] = heap[--size];
            }
            else
            {
                heads[r] = k[i];
            }

            SiftDown(heap, size, 0, heads);
        }
    }

    /// <summary>Sample sort of sorted runs: splitters drawn at even steps of every run cut each run (by binary search)
    /// into buckets of a few thousand keys; each bucket's pieces are copied to its place in the output and sorted there
    /// in cache, the buckets on every core. O(n log bucket) where sorting the whole again is O(n log n), on one core.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BucketSort(long[][] runs, long* keys, long total)
    {
        var buckets = (int)Math.Clamp(total / 4096, 1, 1 << 14);
        var perRun = Math.Max(2, buckets * 4 / runs.Length);
        var sample = new List<long>(perRun * runs.Length);
        foreach (var run in runs)
        {
            for (var j = 0; j < perRun; j++)
            {
                sample.Add(run[(long)j * run.Length / perRun]);
            }
        }

        sample.Sort();
        var splitters = new long[buckets - 1];
        for (var b = 0; b < splitters.Length; b++)
        {
            splitters[b] = sample[(int)((long)(b + 1) * sample.Count / buckets)];
        }

        // cuts[r * (buckets + 1) + b]: where bucket b starts in run r (the first key at or above its splitter).
        var stride = buckets + 1;
        var cuts = new int[runs.Length * stride];
        for (var r = 0; r < runs.Length; r++)
        {
            var run = runs[r];
            cuts[r * stride + buckets] = run.Length;
            for (var b = 1; b < buckets; b++)
            {
                var from = cuts[r * stride + b - 1];
                var i = Array.BinarySearch(run, from, run.Length - from, splitters[b - 1]);
                if (i >= 0)
                {
                    while (i > from && run[i - 1] == splitters[b - 1])
                    {
                        i--; // the first of equal keys
                    }
                }

                cuts[r * stride + b] = i >= 0 ? i : ~i;
            }
        }

        var starts = new long[stride];
        for (var b = 0; b < buckets; b++)
        {
            long size = 0;
            for (var r = 0; r < runs.Length; r++)
            {
                size += cuts[r * stride + b + 1] - cuts[r * stride + b];
            }

            starts[b + 1] = starts[b] + size;
        }

        var output = (nint)keys;
        Parallel.For(0, buckets, b =>
        {
            var at = (long*)output + starts[b];
            for (var r = 0; r < runs.Length; r++)
            {
                var from = cuts[r * stride + b];
                var length = cuts[r * stride + b + 1] - from;
                runs[r].AsSpan(from, length).CopyTo(new Span<long>(at, length));
                at += length;
            }

            new Span<long>((long*)output + starts[b], (int)(starts[b + 1] - starts[b])).Sort();
        });
    }

    private static bool Less(int a, int b, long[] heads) => heads[a] < heads[b] || (heads[a] == heads[b] && a < b);

    private static void SiftDown(int[] heap, int size, int i, long[] heads)
    {
        while (true)
        {
            var smallest = i;
            var left = 2 * i + 1;
            if (left < size && Less(heap[left], heap[smallest], heads))
            {
                smallest = left;
            }

            if (left + 1 < size && Less(heap[left + 1], heap[smallest], heads))
            {
                smallest = left + 1;
            }

            if (smallest == i)
            {
                return;
            }

            (heap[i], heap[smallest]) = (heap[smallest], heap[i]);
            i = smallest;
        }
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
