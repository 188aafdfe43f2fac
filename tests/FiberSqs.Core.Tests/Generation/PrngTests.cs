using FiberSqs.Core.Generation;

namespace FiberSqs.Core.Tests.Generation;

public class PrngTests
{
    [Fact]
    public void SameSeedStreamAndShardGiveTheSameNumbers()
    {
        var a = Prng.Create(7, StreamId.Transactions, 3);
        var b = Prng.Create(7, StreamId.Transactions, 3);
        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(a.NextULong(), b.NextULong());
        }
    }

    [Theory]
    [InlineData(8, (int)StreamId.Transactions, 3)]
    [InlineData(7, (int)StreamId.LogSkew, 3)]
    [InlineData(7, (int)StreamId.Transactions, 4)]
    public void AnyDifferenceInSeedStreamOrShardGivesAnotherSequence(long seed, int stream, int shard)
    {
        var a = Prng.Create(7, StreamId.Transactions, 3);
        var b = Prng.Create(seed, (StreamId)stream, shard);
        var same = Enumerable.Range(0, 100).Count(_ => a.NextULong() == b.NextULong());
        Assert.Equal(0, same);
    }

    [Fact]
    public void KnownFirstValuesPinTheAlgorithm()
    {
        // If this changes, the output of every seed changes: bump Prng.AlgorithmVersion with it.
        var p = Prng.Create(7, StreamId.Bursts);
        var first = p.NextULong();
        var again = Prng.Create(7, StreamId.Bursts).NextULong();
        Assert.Equal(first, again);
        Assert.Equal("xoshiro256** (SplitMix64 seeding, per table and hour-shard streams; portable exp, log, sin, cos) v3", Prng.AlgorithmVersion);
        var x = 0UL;
        Assert.Equal(0xE220A8397B1DCDAFUL, Prng.SplitMix64(ref x)); // SplitMix64's published first output for state 0
    }

    [Fact]
    public void NextIntIsUniformAndInRange()
    {
        var p = Prng.Create(1, StreamId.Arrivals);
        var counts = new int[7];
        const int n = 70_000;
        for (var i = 0; i < n; i++)
        {
            counts[p.NextInt(7)]++;
        }

        // Chi-square with 6 degrees of freedom: 22.46 is the 0.999 quantile.
        var expected = n / 7.0;
        var chi = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chi < 22.46, $"chi-square {chi:F2}");
    }

    [Fact]
    public void UniformStaysInsideItsBounds()
    {
        var p = Prng.Create(2, StreamId.Hosts);
        for (var i = 0; i < 100_000; i++)
        {
            var u = p.Uniform(0.9, 1.1);
            Assert.InRange(u, 0.9, 1.1);
            Assert.NotEqual(1.1, u);
        }
    }

    [Fact]
    public void IntInclusiveReachesBothEnds()
    {
        var p = Prng.Create(3, StreamId.Hosts);
        var seen = new HashSet<int>();
        for (var i = 0; i < 10_000; i++)
        {
            seen.Add(p.IntInclusive(1, 3));
        }

        Assert.Equal([1, 2, 3], seen.Order());
    }

    [Fact]
    public void LogNormalHasTheRequestedMedianAndSpread()
    {
        var p = Prng.Create(4, StreamId.Transactions);
        var values = Enumerable.Range(0, 200_000).Select(_ => p.LogNormal(0, 0.85)).Order().ToArray();
        var median = values[values.Length / 2];
        var p99 = values[(int)(values.Length * 0.99)];
        Assert.InRange(median, 0.97, 1.03);
        Assert.InRange(p99 / median, Math.Exp(2.326 * 0.85) * 0.93, Math.Exp(2.326 * 0.85) * 1.07);
    }

    [Fact]
    public void NextIntRejectsAnEmptyRange()
    {
        var p = Prng.Create(5, StreamId.Hosts);
        Assert.Throws<ArgumentOutOfRangeException>(() => p.NextInt(0));
    }

    [Fact]
    public void IdScramblerIsABijectionOnItsInputs()
    {
        var s = new IdScrambler(7, 1);
        var seen = new HashSet<ulong>();
        for (ulong i = 0; i < 1_000_000; i++)
        {
            var v = s.Scramble(i);
            Assert.True(v < 1UL << 48);
            Assert.True(seen.Add(v), $"collision at {i}");
        }
    }
}
