namespace FiberSqs.Core.ClickHouse;

/// <summary>How a typed query column is computed from a CSV column: the server's DEFAULT expression for a CSV load,
/// and the same computation on the client for the fast (Native) load, which must give the very same values.</summary>
internal enum TypedConversion
{
    /// <summary><c>parseDateTimeBestEffort(text)</c> into DateTime('UTC'): whole seconds.</summary>
    DateTimeSeconds,

    /// <summary><c>parseDateTime64BestEffort(text, 6, 'UTC')</c> into DateTime64(6, 'UTC'): microseconds.</summary>
    DateTime64Micros,

    /// <summary><c>toFloat64OrZero(text)</c>: the number, or 0 for an empty field.</summary>
    Float64OrZero,
}
