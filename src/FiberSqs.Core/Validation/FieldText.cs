using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.CompilerServices;

namespace FiberSqs.Core.Validation;

/// <summary>
/// Reads the values of single CSV fields (already split and unquoted by CsvHelper's reader): the fixed timestamp
/// forms of docs/data-contract.md, and the dataset's ids as 64-bit keys, so that tens of millions of ids fit in memory.
/// Ids in their documented form become exact numbers (key 0 is an empty field); any other text becomes a 64-bit
/// hash with the top bit set, so it can never equal an exact key.
/// </summary>
internal static class FieldText
{
    private const long HashFlag = long.MinValue;

    /// <summary>Parses <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c> (<paramref name="micros"/>) or <c>yyyy-MM-ddTHH:mm:ssZ</c>
    /// exactly, into UTC ticks. <see cref="TimestampReader"/> reads a column's timestamps the same way, faster.</summary>
    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseTimestamp(ReadOnlySpan<byte> s, bool micros, out long ticks)
    {
        ticks = 0;
        if (!HasTimestampShape(s, micros) || !TryParseMinute(s, out var minute) || !TryParseSeconds(s, micros, out var seconds))
        {
            return false;
        }

        ticks = minute + seconds;
        return true;
    }

    /// <summary>The length and the fixed characters of the form: everything but the digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool HasTimestampShape(ReadOnlySpan<byte> s, bool micros) =>
        s.Length == (micros ? 27 : 20) && s[4] == '-' && s[7] == '-' && s[10] == 'T' && s[13] == ':' && s[16] == ':'
        && s[^1] == 'Z' && (!micros || s[19] == '.');

    /// <summary>The first 17 bytes (<c>yyyy-MM-ddTHH:mm:</c>, shape already checked) as the ticks of that minute, if
    /// they name a real one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseMinute(ReadOnlySpan<byte> s, out long ticks)
    {
        ticks = 0;
        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
        {
            return false;
        }

        ticks = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc).Ticks;
        return true;
    }

    /// <summary>The seconds and microseconds after the minute (shape already checked), as ticks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseSeconds(ReadOnlySpan<byte> s, bool micros, out long ticks)
    {
        ticks = 0;
        var fraction = 0;
        if (!Digits(s.Slice(17, 2), out var second) || second > 59 || (micros && !Digits(s.Slice(20, 6), out fraction)))
        {
            return false;
        }

        ticks = (second * TimeSpan.TicksPerSecond) + (fraction * 10L);
        return true;
    }

    /// <summary>A whole number of at most 9 digits, without sign, spaces or other characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Digits(ReadOnlySpan<byte> s, out int value)
    {
        var ok = Digits(s, 9, out long wide);
        value = (int)wide;
        return ok;
    }

    private static bool LongDigits(ReadOnlySpan<byte> s, out long value) => Digits(s, 18, out value);

    /// <summary>1 to <paramref name="maxLength"/> ASCII digits and nothing else (18 at most, so no overflow).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Digits(ReadOnlySpan<byte> s, int maxLength, out long value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > maxLength)
        {
            return false;
        }

        foreach (var b in s)
        {
            var d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    /// <summary>
    /// <c>TX-yyyyMMddHHmmss-NNNNNNN</c> (years 2000-2091) as 1 + (yyMMddHHmmss × 10^7 + N): ordered like the start
    /// time, and <see cref="StartSecondNumber"/> recovers yyMMddHHmmss. 0 for an empty field, a hash otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long TransactionKey(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty)
        {
            return 0;
        }

        if (s.Length == 25 && s[0] == 'T' && s[1] == 'X' && s[2] == '-' && s[17] == '-' && s[3] == '2' && s[4] == '0'
            && LongDigits(s.Slice(5, 12), out var stamp) && Digits(s.Slice(18, 7), out int seq) && stamp < 92_0000000000L)
        {
            return 1 + stamp * 10_000_000L + seq;
        }

        return Hash(s);
    }

    /// <summary>True for a key of a well-formed transaction id.</summary>
    public static bool IsExactTransactionKey(long key) => key > 0;

    /// <summary>yyMMddHHmmss of an exact transaction key: the second the transaction started.</summary>
    public static long StartSecondNumber(long key) => (key - 1) / 10_000_000L;

    /// <summary>The same yyMMddHHmmss number for an instant (truncated to the second), comparable with
    /// <see cref="StartSecondNumber"/>.</summary>
    public static long SecondNumber(DateTime utc) =>
        (utc.Year - 2000) * 10_000_000_000L + utc.Month * 100_000_000L + utc.Day * 1_000_000L + utc.Hour * 10_000L + utc.Minute * 100L + utc.Second;

    /// <summary>The id text of an exact transaction key, or a note for a hashed one (for messages).</summary>
    public static string DescribeTransactionKey(long key)
    {
        if (key == 0)
        {
            return "(empty)";
        }

        if (key < 0)
        {
            return "(an id not of the form TX-yyyyMMddHHmmss-NNNNNNN)";
        }

        var v = key - 1;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"TX-20{v / 10_000_000L:000000000000}-{v % 10_000_000L:0000000}");
    }

    /// <summary><c>CUST-NNNNNNNN</c> as 1 + N; 0 for empty; a hash otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long CustomerKey(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty)
        {
            return 0;
        }

        if (s.Length == 13 && s.StartsWith("CUST-"u8) && Digits(s[5..], out int n))
        {
            return 1 + n;
        }

        return Hash(s);
    }

    /// <summary>A trace or span id, <c>tr</c>/<c>sp</c> + 12 hex digits, as 1 + the 48-bit number; 0 for empty;
    /// a hash otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long HexIdKey(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty)
        {
            return 0;
        }

        if (s.Length == 14 && Utf8Parser.TryParse(s[2..], out ulong v, out var used, 'x') && used == 12)
        {
            return 1 + (long)v + ((long)(s[0] ^ (s[1] << 8)) << 48 & 0x3FFF_0000_0000_0000L);
        }

        return Hash(s);
    }

    /// <summary>One 64-bit key for a pair (a trace and a span in it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Pair(long a, long b) => (long)Mix((ulong)a * 0x9E3779B97F4A7C15UL ^ Mix((ulong)b));

    /// <summary>A 64-bit hash of the bytes, top bit set. It reads eight bytes per step: every app-log row hashes four
    /// names (about 60 bytes), and a multiply per byte (FNV-1a, before 2026-12-03) was a chain of some 60 dependent
    /// multiplications per row. The length is mixed in first, so the words read (the tail overlapping the bytes
    /// before it) always determine the bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Hash(ReadOnlySpan<byte> s)
    {
        var h = 14695981039346656037UL ^ ((ulong)s.Length * 0x9E3779B97F4A7C15UL);
        var rest = s;
        while (rest.Length >= 8)
        {
            h = Step(h, BinaryPrimitives.ReadUInt64LittleEndian(rest));
            rest = rest[8..];
        }

        if (!rest.IsEmpty)
        {
            h = Step(h, s.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(s[^8..]) : ShortWord(s));
        }

        return (long)Mix(h) | HashFlag;
    }

    // 1 to 7 bytes as one word that determines them: two overlapping 4-byte reads, or the first, middle and last byte.
    private static ulong ShortWord(ReadOnlySpan<byte> s) => s.Length >= 4
        ? BinaryPrimitives.ReadUInt32LittleEndian(s) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(s[^4..]) << 32)
        : s[0] | ((ulong)s[s.Length / 2] << 8) | ((ulong)s[^1] << 16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong h, ulong word)
    {
        h = (h ^ word) * 0xff51afd7ed558ccdUL;
        return h ^ (h >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }
}
