using System.Numerics;

namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>
/// The x87 extended-precision (64-bit significand, round to nearest even) products that ClickHouse's fast number
/// parser computes on x86-64 servers (its <c>shift10</c>: a value times a <c>long double</c> power of ten, then
/// stored as a double), reproduced bit for bit with integer arithmetic, so the client can give every Float64 the
/// very bits a CSV load would have given it (docs/clickhouse.md, "The fast load").
/// </summary>
internal static class X87Arithmetic
{
    public const int MinExponent = -323;
    public const int MaxExponent = 308;

    // The server's table writes most powers as long double literals (rounded to 64 bits), but a few as double
    // literals (rounded to 53 bits, then widened): every power that ends a line of its source table.
    private static readonly HashSet<int> DoubleLiteralPowers =
        [-70, -50, -30, -10, 10, 30, 50, 70, 90, 110, 130, 150, 170, 190, 210, 230, 250, 270, 290];

    private static readonly Lazy<(ulong Significand, int Exponent)[]> Powers = new(BuildPowers);

    /// <summary><paramref name="value"/> × 10^<paramref name="exponent"/> as the server's <c>shift10(UInt64, int)</c>
    /// returns it: the exact integer times the extended power, rounded to 64 bits, then to a double.</summary>
    public static double Shift10(ulong value, int exponent)
    {
        if (exponent < MinExponent)
        {
            return 0.0;
        }

        if (exponent > MaxExponent)
        {
            return value == 0 ? double.NaN : double.PositiveInfinity;
        }

        if (value == 0)
        {
            return 0.0;
        }

        var (m, e) = Powers.Value[exponent - MinExponent];
        return Multiply(value, 0, m, e);
    }

    /// <summary><paramref name="value"/> × 10^<paramref name="exponent"/> as <c>shift10(double, int)</c> returns it
    /// (the double widened exactly, the product rounded to 64 bits, then to a double).</summary>
    public static double Shift10(double value, int exponent)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            return exponent > MaxExponent ? value * double.PositiveInfinity : value * (exponent < MinExponent ? 0 : 1);
        }

        if (exponent < MinExponent)
        {
            return value * 0.0;
        }

        if (exponent > MaxExponent)
        {
            return value * double.PositiveInfinity;
        }

        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var biased = (int)(bits >> 52);
        var fraction = (ulong)bits & ((1UL << 52) - 1);
        ulong significand;
        int scale;
        if (biased == 0)
        {
            significand = fraction;
            scale = -1074;
        }
        else
        {
            significand = fraction | (1UL << 52);
            scale = biased - 1075;
        }

        var (m, e) = Powers.Value[exponent - MinExponent];
        var result = Multiply(significand, scale, m, e);
        return value < 0 ? -result : result;
    }

    /// <summary>(a × 2^aScale) × (m × 2^mScale), rounded to a 64-bit significand, then to a double.</summary>
    private static double Multiply(ulong a, int aScale, ulong m, int mScale)
    {
        var product = (UInt128)a * m;
        var (significand, scale) = RoundTo64Bits(product, aScale + mScale);
        return ToDouble(significand, scale);
    }

    /// <summary>Rounds a 128-bit integer times 2^scale to 64 significant bits (nearest, ties to even).</summary>
    internal static (ulong Significand, int Scale) RoundTo64Bits(UInt128 value, int scale)
    {
        var length = 128 - (int)UInt128.LeadingZeroCount(value);
        if (length <= 64)
        {
            return ((ulong)value << (64 - length), scale - (64 - length));
        }

        var drop = length - 64;
        var kept = (ulong)(value >> drop);
        var rest = value & ((UInt128.One << drop) - 1);
        var half = UInt128.One << (drop - 1);
        if (rest > half || (rest == half && (kept & 1) == 1))
        {
            kept++;
            if (kept == 0)
            {
                return (1UL << 63, scale + drop + 1);
            }
        }

        return (kept, scale + drop);
    }

    /// <summary>significand × 2^scale (a 64-bit significand with its top bit set, or zero) as the nearest double
    /// (ties to even), what storing an x87 register into a double does, subnormals and overflow included.</summary>
    internal static double ToDouble(ulong significand, int scale)
    {
        if (significand == 0)
        {
            return 0.0;
        }

        // The value's binary exponent: 2^(scale + 63) <= value < 2^(scale + 64).
        var top = scale + 63;
        var keep = top >= -1022 ? 53 : 53 - (-1022 - top);
        if (keep <= 0)
        {
            // Below half the smallest subnormal (or exactly half: ties to even, to zero).
            var half = keep == 0 && significand > (1UL << 63);
            return half ? double.Epsilon : 0.0;
        }

        var drop = 64 - keep;
        var kept = significand >> drop;
        var rest = significand & ((1UL << drop) - 1);
        var halfway = 1UL << (drop - 1);
        if (rest > halfway || (rest == halfway && (kept & 1) == 1))
        {
            kept++;
        }

        // kept × 2^(scale + drop) is exact in a double unless it overflows (ScaleB gives infinity then).
        return Math.ScaleB(kept, scale + drop);
    }

    private static (ulong, int)[] BuildPowers()
    {
        var table = new (ulong, int)[MaxExponent - MinExponent + 1];
        for (var e = MinExponent; e <= MaxExponent; e++)
        {
            var bits = DoubleLiteralPowers.Contains(e) ? 53 : 64;
            var (m, scale) = NearestPowerOfTen(e, bits);
            table[e - MinExponent] = (m << (64 - bits), scale - (64 - bits));
        }

        return table;
    }

    /// <summary>10^e rounded to <paramref name="bits"/> significant bits (nearest, ties to even): m × 2^scale.</summary>
    private static (ulong, int) NearestPowerOfTen(int e, int bits)
    {
        BigInteger numerator, denominator;
        if (e >= 0)
        {
            numerator = BigInteger.Pow(10, e);
            denominator = BigInteger.One;
        }
        else
        {
            numerator = BigInteger.One;
            denominator = BigInteger.Pow(10, -e);
        }

        // Scale so the quotient has exactly `bits` bits before rounding: 2^(bits-1) <= q < 2^bits.
        var scale = (int)(numerator.GetBitLength() - denominator.GetBitLength()) - bits;
        var n = scale < 0 ? numerator << -scale : numerator;
        var d = scale > 0 ? denominator << scale : denominator;
        var q = BigInteger.DivRem(n, d, out var r);
        if (q.GetBitLength() > bits)
        {
            scale++;
            d <<= 1;
            q = BigInteger.DivRem(n, d, out r);
        }
        else if (q.GetBitLength() < bits)
        {
            scale--;
            n <<= 1;
            q = BigInteger.DivRem(n, d, out r);
        }

        var twice = r << 1;
        if (twice > d || (twice == d && !q.IsEven))
        {
            q++;
            if (q.GetBitLength() > bits)
            {
                q >>= 1;
                scale++;
            }
        }

        return ((ulong)q, scale);
    }
}
