using System.Runtime.CompilerServices;

namespace FiberSqs.Core.Validation;

/// <summary>Set operations on sorted arrays of 64-bit keys (a merge walk, no hashing, no extra memory).</summary>
internal static class SortedKeys
{
    /// <summary>Sorts and removes repeats in place; returns the number of distinct keys (the array's prefix) and
    /// how many entries were repeats.</summary>
    public static int SortUnique(long[] keys, out long repeats)
    {
        Array.Sort(keys);
        return Unique(keys, keys.Length, out repeats);
    }

    /// <summary>Removes repeats from a sorted prefix in place; returns the distinct count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Unique(long[] keys, int length, out long repeats)
    {
        if (length == 0)
        {
            repeats = 0;
            return 0;
        }

        var w = 1;
        for (var r = 1; r < length; r++)
        {
            if (keys[r] != keys[w - 1])
            {
                keys[w++] = keys[r];
            }
        }

        repeats = length - w;
        return w;
    }

    /// <summary>How many of the distinct sorted <paramref name="needles"/> are not in the distinct sorted
    /// <paramref name="haystack"/>; <paramref name="firstMissing"/> is the smallest such key (or 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long CountMissing(ReadOnlySpan<long> needles, ReadOnlySpan<long> haystack, out long firstMissing)
    {
        firstMissing = 0;
        long missing = 0;
        var h = 0;
        foreach (var n in needles)
        {
            while (h < haystack.Length && haystack[h] < n)
            {
                h++;
            }

            if (h < haystack.Length && haystack[h] == n)
            {
                continue;
            }

            if (missing++ == 0)
            {
                firstMissing = n;
            }
        }

        return missing;
    }

    /// <summary>Whether the keys are in ascending order (repeats allowed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsSorted(ReadOnlySpan<long> keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] < keys[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    public static bool Contains(ReadOnlySpan<long> sorted, long key) => sorted.BinarySearch(key) >= 0;
}
