namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>How one column of a Native block is written from its CSV field.</summary>
internal enum NativeEncoding
{
    /// <summary>String (also for a LowCardinality(String) column, which the server converts).</summary>
    Text,

    /// <summary>Nullable(String): a null map, then the strings.</summary>
    NullableText,

    /// <summary>Float64 from a number field, read as the server reads it.</summary>
    Float64,

    /// <summary>Int64 from a whole-number field.</summary>
    Int64,

    /// <summary>DateTime('UTC') seconds (UInt32) from a timestamp field.</summary>
    DateTimeSeconds,

    /// <summary>DateTime64(6, 'UTC') microseconds (Int64) from a timestamp field.</summary>
    DateTime64Micros,

    /// <summary>Float64 as <c>toFloat64OrZero</c> computes it: 0 for an empty field.</summary>
    Float64OrZero,
}
