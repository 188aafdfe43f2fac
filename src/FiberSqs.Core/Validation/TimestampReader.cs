using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace FiberSqs.Core.Validation;

/// <summary>
/// Reads one column's timestamps as <see cref="FieldText.TryParseTimestamp"/> does, remembering the last minute it read:
/// a table's rows come in time order, so most timestamps share their first 17 bytes (<c>yyyy-MM-ddTHH:mm:</c>) with
/// the one before, and only their seconds need reading. Only a prefix that parsed is remembered, so the answer and the
/// ticks are always those of <see cref="FieldText.TryParseTimestamp"/>. A mutable struct: keep it in a field or an
/// array element, never a copy.
/// </summary>
internal struct TimestampReader
{
    private ulong _head;
    private ulong _middle;
    private long _minuteTicks;
    private bool _known;

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryRead(ReadOnlySpan<byte> s, bool micros, out long ticks)
    {
        ticks = 0;
        if (!FieldText.HasTimestampShape(s, micros))
        {
            return false;
        }

        // Bytes 0-15 as two words; byte 16 is the ':' the shape check has seen.
        var head = BinaryPrimitives.ReadUInt64LittleEndian(s);
        var middle = BinaryPrimitives.ReadUInt64LittleEndian(s[8..]);
        if (!_known || head != _head || middle != _middle)
        {
            if (!FieldText.TryParseMinute(s, out var minute))
            {
                return false;
            }

            (_head, _middle, _minuteTicks, _known) = (head, middle, minute, true);
        }

        if (!FieldText.TryParseSeconds(s, micros, out var seconds))
        {
            return false;
        }

        ticks = _minuteTicks + seconds;
        return true;
    }
}
