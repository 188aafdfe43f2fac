using System.Globalization;

namespace FiberSqs.Core.Validation;

/// <summary>One measured figure of a check: a name (snake_case, as written to JSON) and a scalar value
/// (a whole number, a real number, a string or a flag).</summary>
public sealed class ValidationFigure
{
    public ValidationFigure(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Value = Normalize(value);
    }

    public string Name { get; }

    /// <summary>A <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="bool"/> or null.</summary>
    public object? Value { get; }

    public override string ToString() => Name + "=" + Format(Value);

    internal static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static object? Normalize(object? value) => value switch
    {
        null => null,
        long or double or string or bool => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        float f => (double)f,
        decimal m => (double)m,
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A figure holds a number, a string or a flag, not {value.GetType().Name}.", nameof(value)),
    };
}
