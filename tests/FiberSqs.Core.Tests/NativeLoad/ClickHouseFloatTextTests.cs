using FiberSqs.Core.ClickHouse.NativeLoad;

namespace FiberSqs.Core.Tests.NativeLoad;

/// <summary>The client's reading of decimals against what ClickHouse 18.16 (Debian's package, x86-64) stored for the same
/// text in a CSV load into a Float64 column: values read back from that server, bit for bit, chosen among a million
/// samples where its fast parser misses the nearest double (the ClickHouse tests compare whole loads).</summary>
public sealed class ClickHouseFloatTextTests
{
    [Theory]
    [InlineData("1.648", 0x3FFA5E353F7CED92UL)]
    [InlineData("8.655456", 0x40214F97EDC7EF18UL)]
    [InlineData("3.551423", 0x400C6950763A1900UL)]
    [InlineData("9.8327", 0x4023AA57A786C226UL)]
    [InlineData("1.136", 0x3FF22D0E56041894UL)]
    [InlineData("1.61", 0x3FF9C28F5C28F5C2UL)]
    [InlineData("4.831", 0x401352F1A9FBE76CUL)]
    [InlineData("1.140", 0x3FF23D70A3D70A3EUL)]
    [InlineData("3.303685", 0x400A6DF266BA493CUL)]
    [InlineData("-7049612435784857120.8313439868804E14", 0xC6C160EE50A50AEEUL)]
    [InlineData("-712269.4393116267743741686580e+29", 0xC72B6F84D8CE84C2UL)]
    [InlineData("996305680861845576941028.837360967238123e-6", 0x43ABA72D79E6F2B0UL)]
    [InlineData("62267362749304476.093284020001200E+13", 0x461F6FDE35DF7A50UL)]
    [InlineData("-689105607065.57428476603357949451E-2", 0xC1F9ABD2BC6A7DEDUL)]
    [InlineData("85631.28041559433730e+209", 0x6C596FB758E83C06UL)]
    [InlineData("0300474613.775109857E+16", 0x4503E23CEA874A58UL)]
    [InlineData("49137887151.9764215541127005013344e+224", 0x70A8BA16BD6453D4UL)]
    [InlineData("-38886011688430.62899331974548483300014E-16", 0xBF6FDAFCDB1DA431UL)]
    public void Fast_parsing_gives_the_bits_ClickHouse_18_16_stored(string text, ulong bits)
    {
        Assert.True(ClickHouseFloatText.TryParse(System.Text.Encoding.ASCII.GetBytes(text), ServerFloatParsing.Fast, out var value));
        Assert.Equal(bits, BitConverter.DoubleToUInt64Bits(value));
        // Each of these is one the fast parser reads off the nearest double: the precise reading differs.
        Assert.True(ClickHouseFloatText.TryParse(System.Text.Encoding.ASCII.GetBytes(text), ServerFloatParsing.Precise, out var nearest));
        Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), nearest);
        Assert.NotEqual(bits, BitConverter.DoubleToUInt64Bits(nearest));
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("-0", -0.0)]
    [InlineData("42", 42.0)]
    [InlineData("1024.125", 1024.125)]
    [InlineData("2.5e3", 2500.0)]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("1e-400", 0.0)]
    public void Exact_values_read_exactly_in_both_ways(string text, double expected)
    {
        foreach (var parsing in new[] { ServerFloatParsing.Fast, ServerFloatParsing.Precise })
        {
            Assert.True(ClickHouseFloatText.TryParse(System.Text.Encoding.ASCII.GetBytes(text), parsing, out var value));
            Assert.Equal(BitConverter.DoubleToUInt64Bits(expected), BitConverter.DoubleToUInt64Bits(value));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("+1")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1e")]
    [InlineData("1e1234")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("inf")]
    [InlineData("nan")]
    [InlineData("0x1A")]
    [InlineData("1,5")]
    [InlineData("--1")]
    public void Anything_but_a_plain_decimal_is_left_to_the_server(string text)
    {
        Assert.False(ClickHouseFloatText.IsPlainDecimal(System.Text.Encoding.ASCII.GetBytes(text)));
        Assert.False(ClickHouseFloatText.TryParse(System.Text.Encoding.ASCII.GetBytes(text), ServerFloatParsing.Fast, out _));
    }

    [Fact]
    public void Extended_precision_rounds_ties_to_even_and_carries_into_the_next_binade()
    {
        // 2^64 - 1 rounded to 64 bits is itself; one more bit (a tie) rounds to even, carrying to 2^64.
        Assert.Equal((ulong.MaxValue, 0), X87Arithmetic.RoundTo64Bits(ulong.MaxValue, 0));
        Assert.Equal((1UL << 63, 2), X87Arithmetic.RoundTo64Bits(((UInt128)ulong.MaxValue << 1) | 1, 0));
        Assert.Equal((0x8000000000000000UL, 1), X87Arithmetic.RoundTo64Bits((UInt128)1 << 64, 0));
        // A 64-bit value halfway between two doubles goes to the even one.
        Assert.Equal(9007199254740992.0, X87Arithmetic.ToDouble((1UL << 63) | (1UL << 10), -10));
        Assert.Equal(9007199254740996.0, X87Arithmetic.ToDouble((1UL << 63) | (3UL << 10), -10));
        Assert.Equal(double.Epsilon, X87Arithmetic.ToDouble(1UL << 63, -1074 - 63));
        Assert.Equal(0.0, X87Arithmetic.ToDouble(1UL << 63, -1075 - 63));
    }
}
