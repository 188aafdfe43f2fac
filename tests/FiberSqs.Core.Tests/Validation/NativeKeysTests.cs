using FiberSqs.Core.Generation;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Validation;

public sealed class NativeKeysTests
{
    private static SortedRuns Runs(IEnumerable<long[]> keys, IEnumerable<long[]>? values = null)
    {
        var runs = new SortedRuns();
        var v = values?.ToList();
        var i = 0;
        foreach (var run in keys)
        {
            var bag = new LongBag();
            foreach (var k in run)
            {
                bag.Add(k);
            }

            LongBag? valueBag = null;
            if (v is not null)
            {
                valueBag = new LongBag();
                foreach (var x in v[i])
                {
                    valueBag.Add(x);
                }
            }

            runs.AddRun(bag, valueBag);
            i++;
        }

        return runs;
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 5)]
    [InlineData(3, 0)]
    [InlineData(169, 3000)]
    [InlineData(40, 1)]
    public void MergingOverlappingRunsGivesTheSortedDistinctKeys(int runCount, int perRun)
    {
        var prng = Prng.Create(11, StreamId.Transactions, runCount);
        // Small keys, so that runs share many of them; some runs empty.
        var keys = Enumerable.Range(0, runCount).Select(r => Enumerable.Range(0, r % 7 == 3 ? 0 : perRun)
            .Select(_ => (long)(prng.NextDouble() * perRun * 4) - perRun).ToArray()).ToList();
        using var merged = NativeKeys.From(Runs(keys));
        var expected = keys.SelectMany(k => k).Distinct().Order().ToArray();
        Assert.Equal(expected, merged.Keys.ToArray());
        Assert.Equal(keys.Sum(k => k.Length), merged.Total);
        Assert.Equal(merged.Total - expected.Length, merged.Repeats);
    }

    [Fact]
    public void ManyRandomKeysAreCutIntoBucketsAndComeOutSorted()
    {
        // Hash-like keys over the whole 64-bit range (spans, parents), plus a few repeats: the bucket path.
        var prng = Prng.Create(3, StreamId.Transactions, 1);
        var keys = Enumerable.Range(0, 60).Select(_ => Enumerable.Range(0, 4000)
            .Select(_ => (long)(prng.NextULong() >> 1) * (prng.NextDouble() < 0.5 ? -1 : 1)).ToArray()).ToList();
        keys.Add([.. keys[0].Take(100)]);
        using var merged = NativeKeys.From(Runs(keys));
        Assert.Equal(keys.SelectMany(k => k).Distinct().Order().ToArray(), merged.Keys.ToArray());
        Assert.Equal(100, merged.Repeats);
    }

    [Fact]
    public void RunsInOrderAreJoinedAsTheyAre()
    {
        var keys = new[] { new long[] { 1, 2, 2, 5 }, [5, 9], [10, 11, 30] };
        using var merged = NativeKeys.From(Runs(keys));
        Assert.Equal(new long[] { 1, 2, 5, 9, 10, 11, 30 }, merged.Keys.ToArray());
        Assert.Equal(2, merged.Repeats);
    }

    [Fact]
    public void ARepeatedKeyKeepsTheValueOfItsFirstRunInFileOrder()
    {
        // Key 7 is in runs 0, 1 and 2, key 3 in runs 1 and 2: the earliest run's value is kept, wherever the heap has it.
        var keys = new[] { new long[] { 7, 8 }, [3, 7], [1, 3, 7], [7] };
        var values = new[] { new long[] { 70, 80 }, [31, 71], [10, 32, 72], [73] };
        using var merged = NativeKeys.From(Runs(keys, values), withValues: true);
        Assert.Equal(new long[] { 1, 3, 7, 8 }, merged.Keys.ToArray());
        Assert.Equal(new long[] { 10, 31, 70, 80 }, merged.Values.ToArray());
        Assert.Equal(31, merged.ValueOf(3));
        Assert.Null(merged.ValueOf(4));
    }

    [Fact]
    public void UnsortedRunsAreSortedWithTheirValues()
    {
        using var merged = NativeKeys.From(Runs([[9, 4, 6], [5, 1]], [[90, 40, 60], [50, 10]]), withValues: true);
        Assert.Equal(new long[] { 1, 4, 5, 6, 9 }, merged.Keys.ToArray());
        Assert.Equal(new long[] { 10, 40, 50, 60, 90 }, merged.Values.ToArray());
    }

    [Fact]
    public void NoRunsGiveNoKeys()
    {
        using var merged = NativeKeys.From(new SortedRuns());
        Assert.Equal(0, merged.Count);
        Assert.Equal(0, merged.Total);
    }
}
