using System.Globalization;

namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>
/// Reads a CSV field as a ClickHouse server reads it into a Float64 (a CSV load, and <c>toFloat64OrZero</c>), for
/// the plain decimal forms the dataset writes: <c>-?digits[.digits][(e|E)[+-]digits]</c>, at most three exponent
/// digits. Anything else (a leading plus or dot, inf, nan, spaces, hex) is not read here: the fast load leaves such a
/// file to the server's own CSV parser, so no value ever differs from a CSV load.
/// </summary>
internal static class ClickHouseFloatText
{
    // The server reads at most this many significant digits before and after the point (UInt64's digits10).
    private const int SignificantDigits = 19;

    /// <summary>Parses all of <paramref name="text"/>; false when it is not of the plain decimal form.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, ServerFloatParsing parsing, out double value)
    {
        value = 0;
        if (!IsPlainDecimal(text))
        {
            return false;
        }

        if (parsing == ServerFloatParsing.Precise)
        {
            return double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out value);
        }

        value = ParseFast(text);
        return true;
    }

    /// <summary>The server's fast algorithm on text already known to be a plain decimal.</summary>
    /// <summary>Reads a run of digits from <paramref name="i"/>, as the fast parser does: the first
    /// <see cref="SignificantDigits"/> into <paramref name="value"/>, the rest only counted. Returns how many there were.</summary>
    private static int ReadSignificant(ReadOnlySpan<byte> s, ref int i, out ulong value)
    {
        var start = i;
        value = 0;
        while (i < s.Length && IsDigit(s[i]))
        {
            if (i - start < SignificantDigits)
            {
                value = (value * 10) + (ulong)(s[i] - '0');
            }

            i++;
        }

        return i - start;
    }

    private static double ParseFast(ReadOnlySpan<byte> s)
    {
        var i = 0;
        var negative = s[0] == '-';
        if (negative)
        {
            i++;
        }

        var digits = ReadSignificant(s, ref i, out var before);
        var x = digits > SignificantDigits ? X87Arithmetic.Shift10(before, digits - SignificantDigits) : (double)before;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var zeros = 0;
            while (i < s.Length && s[i] == '0')
            {
                zeros++;
                i++;
            }

            var read = ReadSignificant(s, ref i, out var after);
            var afterExponent = -Math.Min(read, SignificantDigits) - zeros;
            if (after != 0)
            {
                x += X87Arithmetic.Shift10(after, afterExponent);
            }
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            var exponentNegative = s[i] == '-';
            if (s[i] is (byte)'-' or (byte)'+')
            {
                i++;
            }

            var exponent = 0;
            while (i < s.Length)
            {
                exponent = (exponent * 10) + (s[i] - '0');
                i++;
            }

            if (exponent != 0)
            {
                x = X87Arithmetic.Shift10(x, exponentNegative ? -exponent : exponent);
            }
        }

        return negative ? -x : x;
    }

    /// <summary><c>-?digits[.digits][(e|E)[+-]?digits]</c> with one to three exponent digits.</summary>
    internal static bool IsPlainDecimal(ReadOnlySpan<byte> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        var digits = Digits(s, ref i);
        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (Digits(s, ref i) == 0)
            {
                return false;
            }
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '-' || s[i] == '+'))
            {
                i++;
            }

            var exponentDigits = Digits(s, ref i);
            if (exponentDigits is 0 or > 3)
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static int Digits(ReadOnlySpan<byte> s, ref int i)
    {
        var start = i;
        while (i < s.Length && IsDigit(s[i]))
        {
            i++;
        }

        return i - start;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
