using System.Runtime.CompilerServices;

namespace FiberSqs.Core.Generation;

/// <summary>
/// exp, log, sin and cos computed in C# from IEEE-754 basic operations only, so they give the same bits on every
/// machine and runtime. <see cref="Math.Exp"/> and friends call the platform's C library (glibc, musl, the Windows
/// CRT, Apple's libm), whose last bits differ between implementations and versions, and docs/architecture.md wants byte-identical
/// files on any machine. The algorithms and constants are FreeBSD's msun / Sun's fdlibm (e_exp.c, e_log.c,
/// k_sin.c, k_cos.c, the medium case of e_rem_pio2.c): errors below 1 ulp.
/// </summary>
internal static class PortableMath
{
    // ---- exp (fdlibm e_exp.c) -------------------------------------------------------------------------------
    private const double OverflowThreshold = 7.09782712893383973096e+02;
    private const double UnderflowThreshold = -7.45133219101941108420e+02;
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double TwoM1000 = 9.33263618503218878990e-302;
    private const double P1 = 1.66666666666666019037e-01;
    private const double P2 = -2.77777777770155933842e-03;
    private const double P3 = 6.61375632143793436117e-05;
    private const double P4 = -1.65339022054652515390e-06;
    private const double P5 = 4.13813679705723846039e-08;

    /// <summary>e raised to <paramref name="x"/>.</summary>
    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Exp(double x)
    {
        var hx = High(x);
        var negative = hx < 0;
        var ax = hx & 0x7fffffff;
        if (ax >= 0x40862E42)
        {
            // |x| >= 709.78: NaN, infinities, overflow, underflow.
            if (ax >= 0x7ff00000)
            {
                return double.IsNaN(x) ? x + x : negative ? 0.0 : x;
            }

            if (x > OverflowThreshold)
            {
                return double.PositiveInfinity;
            }

            if (x < UnderflowThreshold)
            {
                return 0.0;
            }
        }

        double hi = 0, lo = 0;
        var k = 0;
        if (ax > 0x3fd62e42)
        {
            // |x| > ln2/2: x = k*ln2 + r with |r| <= ln2/2, r = hi - lo in extra precision.
            if (ax < 0x3FF0A2B2)
            {
                hi = negative ? x + Ln2Hi : x - Ln2Hi;
                lo = negative ? -Ln2Lo : Ln2Lo;
                k = negative ? -1 : 1;
            }
            else
            {
                k = (int)((InvLn2 * x) + (negative ? -0.5 : 0.5));
                double t = k;
                hi = x - (t * Ln2Hi);
                lo = t * Ln2Lo;
            }

            x = hi - lo;
        }
        else if (ax < 0x3e300000)
        {
            // |x| < 2^-28
            return 1.0 + x;
        }

        var tt = x * x;
        var c = x - (tt * (P1 + (tt * (P2 + (tt * (P3 + (tt * (P4 + (tt * P5)))))))));
        if (k == 0)
        {
            return 1.0 - (((x * c) / (c - 2.0)) - x);
        }

        var y = 1.0 - ((lo - ((x * c) / (2.0 - c))) - hi);
        return k >= -1021 ? AddToExponent(y, k) : AddToExponent(y, k + 1000) * TwoM1000;
    }

    // ---- log (fdlibm e_log.c) -------------------------------------------------------------------------------
    private const double Two54 = 1.80143985094819840000e+16;
    private const double Lg1 = 6.666666666666735130e-01;
    private const double Lg2 = 3.999999999940941908e-01;
    private const double Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01;
    private const double Lg5 = 1.818357216161805012e-01;
    private const double Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;

    /// <summary>The natural logarithm of <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Log(double x)
    {
        var hx = High(x);
        var lx = Low(x);
        var k = 0;
        if (hx < 0x00100000)
        {
            // x < 2^-1022: zero, negative or subnormal.
            if (((hx & 0x7fffffff) | (int)lx) == 0)
            {
                return double.NegativeInfinity;
            }

            if (hx < 0)
            {
                return double.NaN;
            }

            k -= 54;
            x *= Two54;
            hx = High(x);
        }

        if (hx >= 0x7ff00000)
        {
            return x + x;
        }

        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        var i = (hx + 0x95f64) & 0x100000;
        x = WithHigh(x, hx | (i ^ 0x3ff00000)); // normalize x or x/2
        k += i >> 20;
        var f = x - 1.0;
        double dk = k;
        if ((0x000fffff & (2 + hx)) < 3)
        {
            // |f| < 2^-20
            if (f == 0.0)
            {
                return k == 0 ? 0.0 : (dk * Ln2Hi) + (dk * Ln2Lo);
            }

            var r0 = f * f * (0.5 - (0.33333333333333333 * f));
            return k == 0 ? f - r0 : (dk * Ln2Hi) - ((r0 - (dk * Ln2Lo)) - f);
        }

        var s = f / (2.0 + f);
        var z = s * s;
        i = hx - 0x6147a;
        var w = z * z;
        var j = 0x6b851 - hx;
        var t1 = w * (Lg2 + (w * (Lg4 + (w * Lg6))));
        var t2 = z * (Lg1 + (w * (Lg3 + (w * (Lg5 + (w * Lg7))))));
        i |= j;
        var r = t2 + t1;
        if (i > 0)
        {
            var hfsq = 0.5 * f * f;
            return k == 0
                ? f - (hfsq - (s * (hfsq + r)))
                : (dk * Ln2Hi) - ((hfsq - ((s * (hfsq + r)) + (dk * Ln2Lo))) - f);
        }

        return k == 0 ? f - (s * (f - r)) : (dk * Ln2Hi) - (((s * (f - r)) - (dk * Ln2Lo)) - f);
    }

    // ---- sin and cos (fdlibm s_sin.c, s_cos.c, k_sin.c, k_cos.c) --------------------------------------------

    /// <summary>Largest |x| the sine and cosine accept: 2^19·π/2 (the medium case of fdlibm's reduction).</summary>
    public const double MaxTrigArgument = 823549.6654284149;

    /// <summary>The sine of <paramref name="x"/> (radians, |x| up to <see cref="MaxTrigArgument"/>).</summary>
    public static double Sin(double x)
    {
        var ax = High(x) & 0x7fffffff;
        if (ax <= 0x3fe921fb)
        {
            return KernelSin(x, 0.0, false);
        }

        if (ax >= 0x7ff00000)
        {
            return double.NaN;
        }

        var n = ReducePiOver2(x, out var y0, out var y1);
        return (n & 3) switch
        {
            0 => KernelSin(y0, y1, true),
            1 => KernelCos(y0, y1),
            2 => -KernelSin(y0, y1, true),
            _ => -KernelCos(y0, y1),
        };
    }

    /// <summary>The cosine of <paramref name="x"/> (radians, |x| up to <see cref="MaxTrigArgument"/>).</summary>
    public static double Cos(double x)
    {
        var ax = High(x) & 0x7fffffff;
        if (ax <= 0x3fe921fb)
        {
            return KernelCos(x, 0.0);
        }

        if (ax >= 0x7ff00000)
        {
            return double.NaN;
        }

        var n = ReducePiOver2(x, out var y0, out var y1);
        return (n & 3) switch
        {
            0 => KernelCos(y0, y1),
            1 => -KernelSin(y0, y1, true),
            2 => -KernelCos(y0, y1),
            _ => KernelSin(y0, y1, true),
        };
    }

    private const double S1 = -1.66666666666666324348e-01;
    private const double S2 = 8.33333333332248946124e-03;
    private const double S3 = -1.98412698298579493134e-04;
    private const double S4 = 2.75573137070700676789e-06;
    private const double S5 = -2.50507602534068634195e-08;
    private const double S6 = 1.58969099521155010221e-10;

    /// <summary>sin(x + y) for |x| &lt;= π/4, y the tail of x.</summary>
    private static double KernelSin(double x, double y, bool hasTail)
    {
        if ((High(x) & 0x7fffffff) < 0x3e400000)
        {
            return x; // |x| < 2^-27
        }

        var z = x * x;
        var v = z * x;
        var r = S2 + (z * (S3 + (z * (S4 + (z * (S5 + (z * S6)))))));
        return hasTail ? x - (((z * ((0.5 * y) - (v * r))) - y) - (v * S1)) : x + (v * (S1 + (z * r)));
    }

    private const double C1 = 4.16666666666666019037e-02;
    private const double C2 = -1.38888888888741095749e-03;
    private const double C3 = 2.48015872894767294178e-05;
    private const double C4 = -2.75573143513906633035e-07;
    private const double C5 = 2.08757232129817482790e-09;
    private const double C6 = -1.13596475577881948265e-11;

    /// <summary>cos(x + y) for |x| &lt;= π/4, y the tail of x.</summary>
    private static double KernelCos(double x, double y)
    {
        var ix = High(x) & 0x7fffffff;
        if (ix < 0x3e400000)
        {
            return 1.0; // |x| < 2^-27
        }

        var z = x * x;
        var r = z * (C1 + (z * (C2 + (z * (C3 + (z * (C4 + (z * (C5 + (z * C6))))))))));
        if (ix < 0x3FD33333)
        {
            return 1.0 - ((0.5 * z) - ((z * r) - (x * y))); // |x| < 0.3
        }

        var qx = ix > 0x3fe90000 ? 0.28125 : FromWords(ix - 0x00200000, 0); // x/4
        var hz = (0.5 * z) - qx;
        var a = 1.0 - qx;
        return a - (hz - ((z * r) - (x * y)));
    }

    private const double InvPiOver2 = 6.36619772367581382433e-01;
    private const double PiOver2Part1 = 1.57079632673412561417e+00;
    private const double PiOver2Part1Tail = 6.07710050650619224932e-11;
    private const double PiOver2Part2 = 6.07710050630396597660e-11;
    private const double PiOver2Part2Tail = 2.02226624879595063154e-21;
    private const double PiOver2Part3 = 2.02226624871116645580e-21;
    private const double PiOver2Part3Tail = 8.47842766036889956997e-32;

    /// <summary>x = n·π/2 + (y0 + y1), |y0 + y1| &lt;= π/4, by Cody-Waite with π/2 in three parts.</summary>
    private static int ReducePiOver2(double x, out double y0, out double y1)
    {
        var hx = High(x);
        var ix = hx & 0x7fffffff;
        if (ix > 0x413921fb)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"PortableMath supports trigonometric arguments up to {MaxTrigArgument} in magnitude.");
        }

        var t = Math.Abs(x);
        var n = (int)((t * InvPiOver2) + 0.5);
        double fn = n;
        var r = t - (fn * PiOver2Part1);
        var w = fn * PiOver2Part1Tail; // good to 85 bits
        var j = ix >> 20;
        y0 = r - w;
        if (j - ((High(y0) >> 20) & 0x7ff) > 16)
        {
            // Cancellation: a second step, good to 118 bits, and if need be a third, good to 151.
            y0 = ReductionStep(fn, PiOver2Part2, PiOver2Part2Tail, ref r, out w);
            if (j - ((High(y0) >> 20) & 0x7ff) > 49)
            {
                y0 = ReductionStep(fn, PiOver2Part3, PiOver2Part3Tail, ref r, out w);
            }
        }

        y1 = (r - y0) - w;
        if (hx < 0)
        {
            y0 = -y0;
            y1 = -y1;
            return -n;
        }

        return n;
    }

    /// <summary>One more Cody-Waite step: takes fn·part off r, carries the rounding error into w; returns r - w.</summary>
    private static double ReductionStep(double fn, double part, double tail, ref double r, out double w)
    {
        var t = r;
        var p = fn * part;
        r = t - p;
        w = (fn * tail) - ((t - r) - p);
        return r - w;
    }

    // ---- bits ---------------------------------------------------------------------------------------------------

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int High(double x) => (int)(BitConverter.DoubleToInt64Bits(x) >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Low(double x) => (uint)BitConverter.DoubleToInt64Bits(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double FromWords(int high, uint low) => BitConverter.Int64BitsToDouble(((long)high << 32) | low);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double WithHigh(double x, int high) => FromWords(high, Low(x));

    /// <summary>y·2^k by adding k to the exponent field (y is near 1, so no overflow of the field).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double AddToExponent(double y, int k) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(y) + ((long)k << 52));
}
