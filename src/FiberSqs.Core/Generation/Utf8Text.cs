using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace FiberSqs.Core.Generation;

/// <summary>
/// Allocation-free formatting of the values the hot path writes (timestamps, fixed-point numbers, ids) straight
/// into UTF-8 bytes, in the exact text forms of docs/data-contract.md. Each method returns the number of bytes written.
/// </summary>
internal static class Utf8Text
{
    /// <summary>Length of 2025-12-03T12:21:07.123456Z.</summary>
    public const int TimestampMicrosLength = 27;

    /// <summary>Length of 2025-12-03T12:21:07Z.</summary>
    public const int TimestampSecondsLength = 20;

    private static readonly long[] PowersOfTen = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000];

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>yyyy-MM-ddTHH:mm:ssZ (UTC, truncated to the second).</summary>
    public static int TimestampSeconds(Span<byte> dest, long ticks)
    {
        WriteDateTime(dest, ticks);
        dest[19] = (byte)'Z';
        return TimestampSecondsLength;
    }

    /// <summary>yyyyMMddHHmmss, the compact form inside transaction and call ids.</summary>
    public static int Compact(Span<byte> dest, long ticks)
    {
        var t = new DateTime(ticks, DateTimeKind.Utc);
        Digits(dest[..4], t.Year);
        Digits(dest.Slice(4, 2), t.Month);
        Digits(dest.Slice(6, 2), t.Day);
        Digits(dest.Slice(8, 2), t.Hour);
        Digits(dest.Slice(10, 2), t.Minute);
        Digits(dest.Slice(12, 2), t.Second);
        return 14;
    }

    /// <summary>Length of TX-yyyyMMddHHmmss-NNNNNNN.</summary>
    public const int TransactionIdLength = 25;

    /// <summary>TX-&lt;start yyyyMMddHHmmss&gt;-&lt;sequence, 7 digits&gt;.</summary>
    public static void TransactionId(Span<byte> dest, long startTicks, long seq)
    {
        "TX-"u8.CopyTo(dest);
        Compact(dest[3..], startTicks);
        dest[17] = (byte)'-';
        Digits(dest[18..25], seq % 10_000_000);
    }

    private static void WriteDateTime(Span<byte> dest, long ticks)
    {
        var t = new DateTime(ticks, DateTimeKind.Utc);
        Digits(dest[..4], t.Year);
        dest[4] = (byte)'-';
        Digits(dest.Slice(5, 2), t.Month);
        dest[7] = (byte)'-';
        Digits(dest.Slice(8, 2), t.Day);
        dest[10] = (byte)'T';
        Digits(dest.Slice(11, 2), t.Hour);
        dest[13] = (byte)':';
        Digits(dest.Slice(14, 2), t.Minute);
        dest[16] = (byte)':';
        Digits(dest.Slice(17, 2), t.Second);
    }

    /// <summary>Writes value (not negative) as exactly dest.Length digits, zero-padded (value must fit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Digits(Span<byte> dest, long value)
    {
        // Two digits per step from a table: half the dependent divisions of a digit at a time (an app-log row formats
        // some 40 digits).
        var rest = (ulong)value;
        var i = dest.Length;
        ref var first = ref MemoryMarshal.GetReference(dest);
        while (i >= 2)
        {
            var quotient = rest / 100;
            i -= 2;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref first, i), DigitPairs[(int)(rest - (quotient * 100))]);
            rest = quotient;
        }

        if (i == 1)
        {
            first = (byte)('0' + (int)(rest % 10));
        }
    }

    /// <summary>The two characters of 00 to 99, in memory order.</summary>
    private static readonly ushort[] DigitPairs =
        [.. Enumerable.Range(0, 100).Select(n => InMemoryOrder((char)('0' + (n / 10)), (char)('0' + (n % 10))))];

    /// <summary>A non-negative or negative integer in its shortest form.</summary>
    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int WholeNumber(Span<byte> dest, long value)
    {
        var pos = 0;
        if (value < 0)
        {
            dest[pos++] = (byte)'-';
            value = -value;
        }

        var digits = CountDigits((ulong)value);
        Digits(dest.Slice(pos, digits), value);
        return pos + digits;
    }

    /// <summary>A number rounded half away from zero to a fixed count of decimals (0..7), e.g. 1234.567.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Fixed(Span<byte> dest, double value, int decimals)
    {
        var scale = PowersOfTen[decimals];
        var scaled = (long)Math.Round(value * scale, MidpointRounding.AwayFromZero);
        var pos = 0;
        if (scaled < 0)
        {
            dest[pos++] = (byte)'-';
            scaled = -scaled;
        }

        var whole = scaled / scale;
        var fraction = scaled % scale;
        var digits = CountDigits((ulong)whole);
        Digits(dest.Slice(pos, digits), whole);
        pos += digits;
        if (decimals > 0)
        {
            dest[pos++] = (byte)'.';
            Digits(dest.Slice(pos, decimals), fraction);
            pos += decimals;
        }

        return pos;
    }

    /// <summary>Lower-case hex of the low 48 bits: 12 characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Hex48(Span<byte> dest, ulong value)
    {
        // A byte at a time from a table of its two characters: the hot path formats about 20 M ids at the full default.
        ref var first = ref MemoryMarshal.GetReference(dest[..12]);
        for (var i = 10; i >= 0; i -= 2)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref first, i), HexPairs[(int)(value & 0xFF)]);
            value >>= 8;
        }
    }

    /// <summary>The two lower-case hex characters of each byte value, in memory order.</summary>
    private static readonly ushort[] HexPairs =
        [.. Enumerable.Range(0, 256).Select(b => InMemoryOrder("0123456789abcdef"[b >> 4], "0123456789abcdef"[b & 0xF]))];

    /// <summary>Two ASCII characters as the 16-bit value that, written unaligned, puts <paramref name="first"/> first.</summary>
    private static ushort InMemoryOrder(char first, char second) =>
        (ushort)(BitConverter.IsLittleEndian ? first | second << 8 : first << 8 | second);

    private static int CountDigits(ulong value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }
}
