using System.Numerics;
using System.Runtime.CompilerServices;

namespace FiberSqs.Core.Generation;

/// <summary>
/// The module's own PRNG: xoshiro256** seeded through SplitMix64. Same seed, same numbers on every machine and
/// runtime (System.Random's algorithm is not a contract). A mutable struct: keep it in a field or local, never copy it.
/// </summary>
internal struct Prng
{
    /// <summary>Recorded in ground_truth.json; bump when any sampler or stream layout changes the output.</summary>
    public const string AlgorithmVersion = "xoshiro256** (SplitMix64 seeding, per table and hour-shard streams; portable exp, log, sin, cos) v3";

    private ulong _s0, _s1, _s2, _s3;

    /// <summary>An independent stream for (seed, stream, shard): the three are mixed through SplitMix64.</summary>
    public static Prng Create(long seed, StreamId stream, int shard = 0)
    {
        var x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ ((ulong)stream << 40) ^ (ulong)(uint)shard);
        var prng = new Prng
        {
            _s0 = SplitMix64(ref x),
            _s1 = SplitMix64(ref x),
            _s2 = SplitMix64(ref x),
            _s3 = SplitMix64(ref x),
        };
        return prng;
    }

    internal static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextULong()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Uniform(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [0, n) without modulo bias (Lemire's method).</summary>
    public int NextInt(int n)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The range must be positive.");
        }

        var m = (ulong)(uint)(NextULong() >> 32) * (ulong)(uint)n;
        var low = (uint)m;
        if (low < (uint)n)
        {
            var threshold = (uint)-n % (uint)n;
            while (low < threshold)
            {
                m = (ulong)(uint)(NextULong() >> 32) * (ulong)(uint)n;
                low = (uint)m;
            }
        }

        return (int)(m >> 32);
    }

    /// <summary>Uniform integer in [min, max] (both inclusive).</summary>
    public int IntInclusive(int min, int max) => min + NextInt(max - min + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal by Box-Muller (one value per call, no cached state, so streams stay simple).</summary>
    public double StandardNormal()
    {
        var u1 = 1.0 - NextDouble(); // (0, 1]
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * PortableMath.Log(u1)) * PortableMath.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>exp(mu + sigma * Z).</summary>
    public double LogNormal(double mu, double sigma) => PortableMath.Exp(mu + (sigma * StandardNormal()));

    /// <summary>Picks an index with probability proportional to its weight; the weights' cumulative sums are given.</summary>
    public int Pick(ReadOnlySpan<double> cumulativeWeights)
    {
        var u = NextDouble() * cumulativeWeights[^1];
        for (var i = 0; i < cumulativeWeights.Length - 1; i++)
        {
            if (u < cumulativeWeights[i])
            {
                return i;
            }
        }

        return cumulativeWeights.Length - 1;
    }
}
