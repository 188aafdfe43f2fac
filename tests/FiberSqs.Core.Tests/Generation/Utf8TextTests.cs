using System.Globalization;
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
        Assert.Equal("2025-12-03T12:21:07.123456Z", Run(b => new TimestampFormatter().Micros(b, t)));
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
    public void DigitsAgreeWithTheRuntimesZeroPaddingAtEveryWidth()
    {
        // Odd and even widths (the two-digit steps and the single last digit), values that fill the width and values
        // far below it.
        var random = new Random(10);
        for (var width = 1; width <= 18; width++)
        {
            var buffer = new byte[width];
            var limit = (long)Math.Pow(10, width);
            foreach (var value in new[] { 0L, 1L, limit - 1, limit / 10 }.Concat(Enumerable.Range(0, 2000).Select(_ => random.NextInt64(limit))))
            {
                Utf8Text.Digits(buffer, value);
                Assert.Equal(value.ToString(new string('0', width), CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer));
            }
        }
    }

    [Fact]
    public void Hex48IsTwelveLowerCaseDigits()
    {
        Assert.Equal("00000000ff0a", Run(b => { Utf8Text.Hex48(b, 0xFF0A); return 12; }));
        Assert.Equal("ffffffffffff", Run(b => { Utf8Text.Hex48(b, ulong.MaxValue); return 12; }));
    }

    [Fact]
    public void Hex48AgreesWithTheRuntimesHexForAnyValue()
    {
        var random = new Random(48);
        var buffer = new byte[12];
        for (var i = 0; i < 10_000; i++)
        {
            var value = (ulong)random.NextInt64() & ((1UL << 48) - 1);
            Utf8Text.Hex48(buffer, value);
            Assert.Equal(value.ToString("x12", CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer));
        }
    }

    [Fact]
    public void Hex48NeedsTwelveBytes() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Utf8Text.Hex48(new byte[11], 1));

    [Fact]
    public void TheMinuteCacheFormatsWhatTheRuntimeDoesInAnyOrder()
    {
        // Ascending runs within a minute, jumps across minutes, days and a year's end, and back again.
        var formatter = new TimestampFormatter();
        var random = new Random(17);
        var start = new DateTime(2025, 12, 31, 23, 58, 0, DateTimeKind.Utc).Ticks;
        var micros = new byte[Utf8Text.TimestampMicrosLength];
        var seconds = new byte[Utf8Text.TimestampSecondsLength];
        var ticks = start;
        for (var i = 0; i < 20_000; i++)
        {
            ticks = random.Next(10) switch
            {
                0 => start + random.NextInt64(TimeSpan.TicksPerDay * 400),
                1 => start - random.NextInt64(TimeSpan.TicksPerDay * 40),
                _ => ticks + random.NextInt64(TimeSpan.TicksPerSecond * 3),
            };
            var t = new DateTime(ticks, DateTimeKind.Utc);
            Assert.Equal(Utf8Text.TimestampMicrosLength, formatter.Micros(micros, ticks));
            Assert.Equal(t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), Encoding.ASCII.GetString(micros));
            Assert.Equal(Utf8Text.TimestampSecondsLength, formatter.Seconds(seconds, ticks));
            Assert.Equal(t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Encoding.ASCII.GetString(seconds));
        }
    }
}
