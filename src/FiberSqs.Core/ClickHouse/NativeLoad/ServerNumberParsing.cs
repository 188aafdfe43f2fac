namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>How a server reads numbers: in CSV input (the Float64 columns) and in <c>toFloat64OrZero</c> (a typed
/// column's DEFAULT). They can differ: before 26.7, <c>precise_float_parsing</c> changed the function only.
/// <paramref name="Exponents"/> says whether numbers written with an exponent (<c>1.5e-3</c>) read that way too:
/// 18.16's fast parser scales them with its extended-precision powers of ten, 26.5's does not, and the
/// dataset never writes them; where the probe could not confirm them, such a field sends its file as CSV.</summary>
internal readonly record struct ServerNumberParsing(ServerFloatParsing Input, ServerFloatParsing Function, bool Exponents = true)
{
    /// <summary>What a server of <paramref name="version"/> does with its default settings on x86-64.</summary>
    public static ServerNumberParsing Default(ClickHouseVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var parsing = version.AtLeast(26, 7) ? ServerFloatParsing.Precise : ServerFloatParsing.Fast;
        return new ServerNumberParsing(parsing, parsing, Exponents: parsing == ServerFloatParsing.Precise || !version.AtLeast(19, 1));
    }

    public override string ToString()
    {
        var text = Input == Function ? $"{Input.ToString().ToLowerInvariant()} number parsing"
            : $"{Input.ToString().ToLowerInvariant()} number parsing in CSV, {Function.ToString().ToLowerInvariant()} in toFloat64OrZero";
        return Exponents ? text : text + " (numbers with an exponent go as CSV)";
    }
}
