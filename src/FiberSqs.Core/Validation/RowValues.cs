using CsvHelper;

namespace FiberSqs.Core.Validation;

/// <summary>The values of the current row that the generic pass has already parsed, by column index:
/// numbers (NaN when empty or malformed) and timestamps as UTC ticks (<see cref="NoTicks"/> when malformed).</summary>
internal sealed class RowValues(int columns)
{
    public const long NoTicks = long.MinValue;

    public double[] Numbers { get; } = new double[columns];
    public long[] Ticks { get; } = new long[columns];
}
