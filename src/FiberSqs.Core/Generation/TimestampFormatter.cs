using System.Runtime.CompilerServices;

namespace FiberSqs.Core.Generation;

/// <summary>
/// The contract's timestamps (docs/data-contract.md) for one writer, which keeps the date, hour and minute of the
/// last timestamp it formatted (<see cref="Utf8Text.TimestampSeconds"/>): a table's rows come in time order, so most
/// timestamps share their minute with the one before and only their seconds (and microseconds) are formatted.
/// </summary>
internal sealed class TimestampFormatter
{
    private const int PrefixLength = 17; // yyyy-MM-ddTHH:mm:
    private readonly byte[] _prefix = new byte[Utf8Text.TimestampSecondsLength];
    private long _minute = -1;

    /// <summary>yyyy-MM-ddTHH:mm:ss.ffffffZ (UTC, microseconds truncated from ticks).</summary>
    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Micros(Span<byte> dest, long ticks)
    {
        Seconds(dest, ticks);
        dest[19] = (byte)'.';
        Utf8Text.Digits(dest.Slice(20, 6), ticks % TimeSpan.TicksPerSecond / 10);
        dest[26] = (byte)'Z';
        return Utf8Text.TimestampMicrosLength;
    }

    /// <summary>yyyy-MM-ddTHH:mm:ssZ, as <see cref="Utf8Text.TimestampSeconds"/> writes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Seconds(Span<byte> dest, long ticks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        var minute = ticks / TimeSpan.TicksPerMinute;
        if (minute != _minute)
        {
            Utf8Text.TimestampSeconds(_prefix, minute * TimeSpan.TicksPerMinute);
            _minute = minute;
        }

        _prefix.AsSpan(0, PrefixLength).CopyTo(dest);
        Utf8Text.Digits(dest.Slice(PrefixLength, 2), ticks / TimeSpan.TicksPerSecond % 60);
        dest[19] = (byte)'Z';
        return Utf8Text.TimestampSecondsLength;
    }
}
