using System.Globalization;
using System.Text;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Validation;

public sealed class FieldTextTests
{
    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("2025-12-03T12:21:07.123456Z", true, 2025, 12, 3, 12, 21, 7, 1234560)]
    [InlineData("2025-12-01T00:00:00.000000Z", true, 2025, 12, 1, 0, 0, 0, 0)]
    [InlineData("2024-02-29T23:59:59Z", false, 2024, 2, 29, 23, 59, 59, 0)]
    public void ParsesTheTwoTimestampForms(string text, bool micros, int y, int mo, int d, int h, int mi, int s, long extraTicks)
    {
        Assert.True(FieldText.TryParseTimestamp(U(text), micros, out var ticks));
        Assert.Equal(new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc).Ticks + extraTicks, ticks);
    }

    [Theory]
    [InlineData("2025-12-03T12:21:07Z", true)]            // seconds where microseconds are declared
    [InlineData("2025-12-03T12:21:07.123456Z", false)]    // and the other way round
    [InlineData("2025-12-03T12:21:07.123456", true)]      // no Z
    [InlineData("2025-12-03 12:21:07.123456Z", true)]     // space for T
    [InlineData("2025-12-03T12:21:07.12345xZ", true)]
    [InlineData("2025-02-30T00:00:00Z", false)]           // no such day
    [InlineData("2025-13-01T00:00:00Z", false)]
    [InlineData("2025-12-01T24:00:00Z", false)]
    [InlineData("2025-12-01T00:60:00Z", false)]
    [InlineData("+025-12-01T00:00:00Z", false)]
    [InlineData("", false)]
    public void RejectsAnythingElse(string text, bool micros) => Assert.False(FieldText.TryParseTimestamp(U(text), micros, out _));

    [Fact]
    public void TransactionKeysAreExactOrderedAndCarryTheStartSecond()
    {
        var a = FieldText.TransactionKey(U("TX-20251203122107-0000042"));
        var b = FieldText.TransactionKey(U("TX-20251203122108-0000001"));
        Assert.True(FieldText.IsExactTransactionKey(a));
        Assert.True(a < b);
        Assert.Equal("TX-20251203122107-0000042", FieldText.DescribeTransactionKey(a));
        Assert.Equal(FieldText.SecondNumber(new DateTime(2025, 12, 3, 12, 21, 7, DateTimeKind.Utc)), FieldText.StartSecondNumber(a));
        Assert.Equal(0, FieldText.TransactionKey(default));
    }

    [Theory]
    [InlineData("FAKE-TX-20251203122107-1234")]
    [InlineData("TX-20251203122107-000004")]
    [InlineData("TX-2025120312210x-0000042")]
    [InlineData("tx-20251203122107-0000042")]
    public void OtherIdsAreHashedAndNeverEqualAnExactKey(string text)
    {
        var key = FieldText.TransactionKey(U(text));
        Assert.False(FieldText.IsExactTransactionKey(key));
        Assert.Equal(key, FieldText.TransactionKey(U(text)));
        Assert.NotEqual(key, FieldText.TransactionKey(U("TX-20251203122107-0000042")));
    }

    [Fact]
    public void CustomerAndHexIdsAreDistinctKeys()
    {
        Assert.Equal(1 + 30120267, FieldText.CustomerKey(U("CUST-30120267")));
        Assert.True(FieldText.CustomerKey(U("CUST-3012026X")) < 0);
        var span = FieldText.HexIdKey(U("sp8dfa9f38497a"));
        var trace = FieldText.HexIdKey(U("tr8dfa9f38497a"));
        Assert.True(span > 0 && trace > 0);
        Assert.NotEqual(span, trace);
        Assert.NotEqual(FieldText.Pair(trace, span), FieldText.Pair(span, trace));
        Assert.True(FieldText.HexIdKey(U("sp8dfa9f38497")) < 0);
    }

    [Fact]
    public void HashSeparatesNearbyTexts()
    {
        // Every prefix of a long name, trailing zero bytes, one byte changed at each place, and the dataset's own kinds
        // of names: the word-at-a-time reads (overlapping tails, short words) must keep them all apart.
        var texts = new List<byte[]>();
        var name = "fibersqs-prod-central-host18.internal.example"u8.ToArray();
        for (var n = 0; n <= name.Length; n++)
        {
            texts.Add(name[..n]);
        }

        for (var n = 1; n <= 12; n++)
        {
            texts.Add([.. name[..n], 0]);
            texts.Add([.. name[..n], 0, 0]);
        }

        for (var n = 1; n <= 24; n++)
        {
            for (var i = 0; i < n; i++)
            {
                var changed = name[..n];
                changed[i] ^= 1;
                texts.Add(changed);
            }
        }

        foreach (var region in new[] { "central", "east", "west" })
        {
            for (var h = 1; h <= 99; h++)
            {
                texts.Add(U($"fibersqs-prod-{region}-host{h:00}"));
                texts.Add(U($"CKT-{region[..3].ToUpperInvariant()}-EAS-{h:000}"));
            }
        }

        var distinct = texts.Select(t => Convert.ToHexString(t)).Distinct().ToList();
        var hashes = distinct.Select(h => FieldText.Hash(Convert.FromHexString(h))).ToList();
        Assert.All(hashes, h => Assert.True(h < 0, "the top bit marks a hash"));
        Assert.Equal(hashes.Count, hashes.Distinct().Count());
        Assert.Equal(hashes, distinct.Select(h => FieldText.Hash(Convert.FromHexString(h))).ToList());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TimestampReaderReadsEveryTextAsTheStatelessParserDoes(bool micros)
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
    public void TimestampReaderKeepsItsMinuteThroughABrokenOne()
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

public sealed class KeyCollectionTests
{
    [Fact]
    public void LongBagKeepsOrderAcrossSegmentsAndAppends()
    {
        var a = new LongBag();
        var b = new LongBag();
        for (var i = 0; i < 20_000; i++)
        {
            a.Add(i);
        }

        for (var i = 20_000; i < 20_005; i++)
        {
            b.Add(i);
        }

        a.Append(b);
        a.Add(20_005);
        Assert.Equal(0, b.Count);
        Assert.Equal(20_006, a.Count);
        Assert.Equal(Enumerable.Range(0, 20_006).Select(i => (long)i), a.ToArray());
        Assert.Equal(0, a.Count);
    }

    [Fact]
    public void SortedKeySetOperations()
    {
        long[] keys = [5, 3, 3, -7, 9, 5, 5];
        var n = SortedKeys.SortUnique(keys, out var repeats);
        Assert.Equal(3, repeats);
        Assert.Equal(new long[] { -7, 3, 5, 9 }, keys[..n]);
        Assert.Equal(2, SortedKeys.CountMissing(new long[] { -8, 3, 4, 9 }, keys.AsSpan(0, n), out var first));
        Assert.Equal(-8, first);
        Assert.Equal(0, SortedKeys.CountMissing([], keys.AsSpan(0, n), out _));
    }
}
