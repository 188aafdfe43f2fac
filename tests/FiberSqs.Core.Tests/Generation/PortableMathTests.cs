using FiberSqs.Core.Generation;

namespace FiberSqs.Core.Tests.Generation;

/// <summary>PortableMath gives the platform's answers to within one unit in the last place, and its own bits always.</summary>
public class PortableMathTests
{
    private static long UlpDistance(double a, double b)
    {
        if (a == b)
        {
            return 0;
        }

        var ia = BitConverter.DoubleToInt64Bits(a);
        var ib = BitConverter.DoubleToInt64Bits(b);
        // Map the sign-magnitude bits onto one ordered integer line.
        ia = ia < 0 ? long.MinValue - ia : ia;
        ib = ib < 0 ? long.MinValue - ib : ib;
        return Math.Abs(ia - ib);
    }

    private static void AgreesWithThePlatform(Func<double, double> portable, Func<double, double> platform, IEnumerable<double> inputs)
    {
        var worst = 0L;
        var worstAt = 0.0;
        var count = 0;
        foreach (var x in inputs)
        {
            var d = UlpDistance(portable(x), platform(x));
            if (d > worst)
            {
                worst = d;
                worstAt = x;
            }

            count++;
        }

        Assert.True(count > 1000);
        Assert.True(worst <= 1, $"{worst} ulps apart at x = {worstAt:R}: portable {portable(worstAt):R}, platform {platform(worstAt):R}");
    }

    private static IEnumerable<double> Uniform(double min, double max, int n, ulong seed)
    {
        var p = Prng.Create((long)seed, StreamId.Bursts);
        for (var i = 0; i < n; i++)
        {
            yield return min + ((max - min) * p.NextDouble());
        }
    }

    [Fact]
    public void Exp_agrees_with_the_platform_across_its_range()
    {
        AgreesWithThePlatform(PortableMath.Exp, Math.Exp, Uniform(-745, 709.7, 200_000, 1)
            .Concat(Uniform(-3, 3, 200_000, 2)).Concat(Uniform(-1e-8, 1e-8, 10_000, 3)));
    }

    [Fact]
    public void Log_agrees_with_the_platform_from_subnormals_to_the_largest_double()
    {
        var exponents = Uniform(-1074, 1023, 200_000, 4).Select(e => Math.Pow(2, e));
        AgreesWithThePlatform(PortableMath.Log, Math.Log, exponents
            .Concat(Uniform(1e-300, 1, 100_000, 5)).Concat(Uniform(0.9999, 1.0001, 100_000, 6)).Concat(Uniform(1, 1e6, 100_000, 7)));
    }

    [Fact]
    public void Sin_and_Cos_agree_with_the_platform_over_the_supported_range()
    {
        var inputs = Uniform(0, 2 * Math.PI, 200_000, 8).Concat(Uniform(-1000, 1000, 200_000, 9))
            .Concat(Uniform(-PortableMath.MaxTrigArgument, PortableMath.MaxTrigArgument, 50_000, 10))
            .Concat(Enumerable.Range(-64, 129).Select(k => k * Math.PI / 4)).ToList();
        AgreesWithThePlatform(PortableMath.Sin, Math.Sin, inputs);
        AgreesWithThePlatform(PortableMath.Cos, Math.Cos, inputs);
    }

    [Theory]
    [InlineData(1.0, 0x4005BF0A8B14576AL)] // e, one ulp above the correctly rounded 0x4005BF0A8B145769, as fdlibm has it
    [InlineData(-1.0, 0x3FD78B56362CEF38L)] // 1/e
    [InlineData(0.0, 0x3FF0000000000000L)]
    [InlineData(10.0, 0x40D5829DCF950560L)] // 22026.465794806718
    public void Exp_gives_the_same_bits_at_known_points(double x, long bits)
    {
        // Pinned: these bits are part of every dataset; a change here is a new Prng.AlgorithmVersion.
        Assert.Equal(BitConverter.Int64BitsToDouble(bits), PortableMath.Exp(x));
    }

    [Theory]
    [InlineData(2.0, 0x3FE62E42FEFA39EFL)] // ln 2
    [InlineData(10.0, 0x40026BB1BBB55516L)] // ln 10
    [InlineData(1.0, 0L)]
    public void Log_gives_the_correctly_rounded_value_at_known_points(double x, long bits)
    {
        Assert.Equal(BitConverter.Int64BitsToDouble(bits), PortableMath.Log(x));
    }

    [Fact]
    public void Special_values_follow_IEEE_754()
    {
        Assert.Equal(double.PositiveInfinity, PortableMath.Exp(710));
        Assert.Equal(0.0, PortableMath.Exp(-746));
        Assert.Equal(double.PositiveInfinity, PortableMath.Exp(double.PositiveInfinity));
        Assert.Equal(0.0, PortableMath.Exp(double.NegativeInfinity));
        Assert.True(double.IsNaN(PortableMath.Exp(double.NaN)));
        Assert.Equal(double.NegativeInfinity, PortableMath.Log(0.0));
        Assert.True(double.IsNaN(PortableMath.Log(-1.0)));
        Assert.Equal(double.PositiveInfinity, PortableMath.Log(double.PositiveInfinity));
        Assert.Equal(-744.4400719213812, PortableMath.Log(double.Epsilon), 12);
        Assert.Equal(0.0, PortableMath.Sin(0.0));
        Assert.Equal(1.0, PortableMath.Cos(0.0));
        Assert.True(double.IsNaN(PortableMath.Sin(double.PositiveInfinity)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PortableMath.Sin(1e7));
    }
}
