namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>How a server turns decimal text into a Float64.</summary>
internal enum ServerFloatParsing
{
    /// <summary>ClickHouse's fast parser (every release before 26.7, x86-64): integer digits, then the fraction
    /// times an extended-precision power of ten; up to two last bits off the nearest double.</summary>
    Fast,

    /// <summary>The nearest double (26.7 and later by default, or <c>precise_float_parsing</c>).</summary>
    Precise,
}
