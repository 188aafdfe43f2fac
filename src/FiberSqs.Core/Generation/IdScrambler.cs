namespace FiberSqs.Core.Generation;

/// <summary>
/// Turns sequence numbers into random-looking 48-bit ids that are unique by construction (a bijection on 48
/// bits keyed by the seed), so trace and span ids never collide however many are written.
/// </summary>
internal readonly struct IdScrambler
{
    private const ulong Mask = (1UL << 48) - 1;
    private readonly ulong _key1, _key2;

    public IdScrambler(long seed, int purpose)
    {
        var prng = Prng.Create(seed, StreamId.IdScramble, purpose);
        _key1 = prng.NextULong() & Mask;
        _key2 = prng.NextULong() & Mask;
    }

    public ulong Scramble(ulong value)
    {
        // Each step is invertible modulo 2^48: add a key, xor-shift right, multiply by an odd constant.
        var x = (value + _key1) & Mask;
        x ^= x >> 23;
        x = (x * 0x9E3779B97F4BUL) & Mask;
        x ^= _key2;
        x ^= x >> 21;
        x = (x * 0xC2B2AE3D27D5UL) & Mask;
        x ^= x >> 19;
        return x;
    }
}
