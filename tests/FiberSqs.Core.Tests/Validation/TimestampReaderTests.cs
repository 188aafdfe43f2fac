using System.Globalization;
using System.Text;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Validation;

public sealed class TimestampReaderTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadsEveryTextAsTheStatelessParserDoes(bool micros)
    {
        // Runs within a minute, jumps across minutes, days, a month's and a year's end, and broken texts in between,
        // some sharing the prefix of the valid timestamp before them.
        var rnd = new Random(20251203);
        var format = micros ? "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'";
        var t = new DateTime(2025, 12, 31, 23, 58, 0, DateTimeKind.Utc);
        var texts = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            t = t.AddTicks(rnd.Next(4) == 0 ? rnd.NextInt64(TimeSpan.TicksPerDay) : rnd.NextInt64(TimeSpan.TicksPerSecond * 3));
            var text = t.ToString(format, CultureInfo.InvariantCulture);
            texts.Add(text);
            switch (rnd.Next(12))
            {
                case 0: texts.Add(text[..17] + "60" + text[19..]); break;
                case 1: texts.Add(text[..17] + "5x" + text[19..]); break;
                case 2: texts.Add(text[..14] + "6" + text[15..]); break;
                case 3: texts.Add(text[..^1]); break;
                case 4 when micros: texts.Add(text[..21] + "a" + text[22..]); break;
                case 5: texts.Add("2025-02-29T" + text[11..]); break;
                case 6: texts.Add(text.Replace('T', ' ')); break;
            }
        }

        var reader = new TimestampReader();
        foreach (var text in texts)
        {
            var expected = FieldText.TryParseTimestamp(U(text), micros, out var expectedTicks);
            var actual = reader.TryRead(U(text), micros, out var ticks);
            Assert.True(expected == actual, text);
            Assert.Equal(expectedTicks, ticks);
        }
    }

    [Fact]
    public void ABrokenMinuteLeavesTheRememberedOneAlone()
    {
        var reader = new TimestampReader();
        Assert.True(reader.TryRead(U("2025-12-03T12:21:07Z"), micros: false, out var first));
        Assert.False(reader.TryRead(U("2025-12-03T12:2x:07Z"), micros: false, out _));
        Assert.False(reader.TryRead(U("2025-12-03T12:21:61Z"), micros: false, out _));
        Assert.True(reader.TryRead(U("2025-12-03T12:21:08Z"), micros: false, out var second));
        Assert.Equal(first + TimeSpan.TicksPerSecond, second);
        Assert.Equal(new DateTime(2025, 12, 3, 12, 21, 8, DateTimeKind.Utc).Ticks, second);
    }
}
