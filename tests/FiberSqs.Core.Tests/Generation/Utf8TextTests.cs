using System.Text;
using FiberSqs.Core.Generation;

namespace FiberSqs.Core.Tests.Generation;

public class Utf8TextTests
{
    private static string Run(Func<byte[], int> write)
    {
        var buffer = new byte[64];
        var n = write(buffer);
        return Encoding.ASCII.GetString(buffer, 0, n);
    }

    [Fact]
    public void TimestampsHaveTheContractsExactForm()
    {
        var t = new DateTime(2025, 12, 3, 12, 21, 7, DateTimeKind.Utc).Ticks + 1_234_567;
        Assert.Equal("2025-12-03T12:21:07.123456Z", Run(b => Utf8Text.TimestampMicros(b, t)));
        Assert.Equal("2025-12-03T12:21:07Z", Run(b => Utf8Text.TimestampSeconds(b, t)));
        Assert.Equal("20251203122107", Run(b => Utf8Text.Compact(b, t)));
    }

    [Theory]
    [InlineData(0.0, 3, "0.000")]
    [InlineData(1234.5675, 3, "1234.568")]
    [InlineData(0.0004, 3, "0.000")]
    [InlineData(0.0005, 3, "0.001")]
    [InlineData(-2.5, 0, "-3")]
    [InlineData(18.1, 2, "18.10")]
    [InlineData(0.000145, 6, "0.000145")]
    public void FixedRoundsHalfAwayFromZero(double value, int decimals, string expected) =>
        Assert.Equal(expected, Run(b => Utf8Text.Fixed(b, value, decimals)));

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(504L, "504")]
    [InlineData(-12L, "-12")]
    [InlineData(9_999_999_999L, "9999999999")]
    public void WholeNumbersAreShortest(long value, string expected) =>
        Assert.Equal(expected, Run(b => Utf8Text.WholeNumber(b, value)));

    [Fact]
    public void Hex48IsTwelveLowerCaseDigits()
    {
        Assert.Equal("00000000ff0a", Run(b => { Utf8Text.Hex48(b, 0xFF0A); return 12; }));
        Assert.Equal("ffffffffffff", Run(b => { Utf8Text.Hex48(b, ulong.MaxValue); return 12; }));
    }
}
