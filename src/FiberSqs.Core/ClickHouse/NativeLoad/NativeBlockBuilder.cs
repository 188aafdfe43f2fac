using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using CsvHelper;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>
/// Builds one Native block of a table from CSV records: each column's bytes in a buffer of its own (strings as
/// length and bytes, numbers and times little-endian), the typed columns computed as their DEFAULT expressions
/// compute them. A field whose value a CSV load could read otherwise than this builder (quoting or spaces the
/// server treats its own way, <c>\N</c>, an empty number, text that is not a plain decimal or the dataset's timestamp
/// form) is refused with the reason: the caller then leaves the file to the server's CSV parser. The buffers are
/// kept between blocks, so a load allocates only while its first blocks grow them.
/// </summary>
internal sealed class NativeBlockBuilder
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly SearchValues<byte> UnquotedSpecial = SearchValues.Create("\\\""u8);

    private readonly NativeTableLayout _layout;
    private readonly ServerNumberParsing _parsing;
    private readonly ArrayBufferWriter<byte>[] _data;
    private readonly ArrayBufferWriter<byte>?[] _nulls;
    private readonly byte[][] _prefixes;
    private readonly int[][] _rowStarts;
    private readonly NativeBlockSorter _sorter;
    private readonly ArrayBufferWriter<byte> _permuted = new(1 << 16);
    private readonly int _csvFields;

    public NativeBlockBuilder(NativeTableLayout layout, ServerNumberParsing parsing, int capacityRows)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _layout = layout;
        _parsing = parsing;
        CapacityRows = capacityRows;
        _csvFields = layout.Table.Columns.Count;
        var n = layout.Columns.Count;
        _data = new ArrayBufferWriter<byte>[n];
        _nulls = new ArrayBufferWriter<byte>?[n];
        _prefixes = new byte[n][];
        _rowStarts = new int[n][];
        for (var c = 0; c < n; c++)
        {
            var column = layout.Columns[c];
            _rowStarts[c] = column.Encoding is NativeEncoding.Text or NativeEncoding.NullableText ? new int[capacityRows] : [];
            _data[c] = new ArrayBufferWriter<byte>(1 << 16);
            _nulls[c] = column.Encoding == NativeEncoding.NullableText ? new ArrayBufferWriter<byte>(1 << 12) : null;
            var prefix = new ArrayBufferWriter<byte>();
            WriteString(prefix, Encoding.UTF8.GetBytes(column.Name));
            WriteString(prefix, Encoding.UTF8.GetBytes(column.WireType));
            _prefixes[c] = prefix.WrittenSpan.ToArray();
        }

        _sorter = Sorter(layout);
    }

    /// <summary>Rows a block holds before it is sent.</summary>
    public int CapacityRows { get; }

    public int Rows { get; private set; }

    public bool IsFull => Rows >= CapacityRows;

    /// <summary>Adds the reader's current record; false (and why) when the fast load cannot reproduce one of its
    /// values, in which case the block must not be sent.</summary>
    public bool TryAdd(CsvReader reader, out string? problem)
    {
        if (reader.FieldCount != _csvFields)
        {
            problem = $"{reader.FieldCount} fields where the header has {_csvFields}";
            return false;
        }

        var columns = _layout.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var value = reader.GetSpan(column.CsvIndex);
            if (!Plain(reader, column.CsvIndex, value, column.Encoding is NativeEncoding.Text or NativeEncoding.NullableText))
            {
                problem = $"column {_layout.Table.Columns[column.CsvIndex].Name} is quoted, has a backslash or surrounding spaces";
                return false;
            }

            var data = _data[c];
            switch (column.Encoding)
            {
                case NativeEncoding.Text:
                    _rowStarts[c][Rows] = data.WrittenCount;
                    WriteString(data, value);
                    break;
                case NativeEncoding.NullableText:
                    if (value.IsEmpty)
                    {
                        problem = $"column {column.Name} is empty (servers differ on empty Nullable fields)";
                        return false;
                    }

                    _nulls[c]!.GetSpan(1)[0] = 0;
                    _nulls[c]!.Advance(1);
                    _rowStarts[c][Rows] = data.WrittenCount;
                    WriteString(data, value);
                    break;
                case NativeEncoding.Float64:
                    if (!_parsing.Exponents && HasExponent(value))
                    {
                        problem = $"column {column.Name} has a number with an exponent, which this server reads its own way";
                        return false;
                    }

                    if (!ClickHouseFloatText.TryParse(value, _parsing.Input, out var number))
                    {
                        problem = $"column {column.Name} is not a plain decimal number";
                        return false;
                    }

                    WriteDouble(data, number);
                    break;
                case NativeEncoding.Float64OrZero:
                    if (value.IsEmpty)
                    {
                        WriteDouble(data, 0.0);
                    }
                    else if (!_parsing.Exponents && HasExponent(value))
                    {
                        problem = $"column {_layout.Table.Columns[column.CsvIndex].Name} has a number with an exponent, which this server reads its own way";
                        return false;
                    }
                    else if (ClickHouseFloatText.TryParse(value, _parsing.Function, out var orZero))
                    {
                        WriteDouble(data, orZero);
                    }
                    else
                    {
                        problem = $"column {_layout.Table.Columns[column.CsvIndex].Name} is neither empty nor a plain decimal number";
                        return false;
                    }

                    break;
                case NativeEncoding.Int64:
                    if (!TryParseWhole(value, out var whole))
                    {
                        problem = $"column {column.Name} is not a whole number of at most 18 digits";
                        return false;
                    }

                    BinaryPrimitives.WriteInt64LittleEndian(data.GetSpan(8), whole);
                    data.Advance(8);
                    break;
                case NativeEncoding.DateTimeSeconds:
                case NativeEncoding.DateTime64Micros:
                    if (!FieldText.TryParseTimestamp(value, column.SourceKind == ColumnKind.TimestampMicros, out var ticks))
                    {
                        problem = $"column {_layout.Table.Columns[column.CsvIndex].Name} is not a timestamp of the dataset's form";
                        return false;
                    }

                    var since = ticks - EpochTicks;
                    if (column.Encoding == NativeEncoding.DateTimeSeconds)
                    {
                        var seconds = since / TimeSpan.TicksPerSecond;
                        if (since < 0 || seconds > uint.MaxValue)
                        {
                            problem = $"column {_layout.Table.Columns[column.CsvIndex].Name} is outside DateTime's range (1970 to 2106)";
                            return false;
                        }

                        BinaryPrimitives.WriteUInt32LittleEndian(data.GetSpan(4), (uint)seconds);
                        data.Advance(4);
                    }
                    else
                    {
                        if (since < 0)
                        {
                            problem = $"column {_layout.Table.Columns[column.CsvIndex].Name} is before 1970";
                            return false;
                        }

                        BinaryPrimitives.WriteInt64LittleEndian(data.GetSpan(8), since / 10);
                        data.Advance(8);
                    }

                    break;
            }
        }

        Rows++;
        problem = null;
        return true;
    }

    /// <summary>Writes the block (column count, row count, then each column's name, type and data), its rows in the
    /// order of the table's ORDER BY key, and empties the builder. Nothing is written for an empty block.</summary>
    public async Task WriteToAsync(Stream output, CancellationToken cancel)
    {
        if (Rows == 0)
        {
            return;
        }

        var order = _sorter.Order(Rows, _data, _rowStarts);
        var header = new byte[20];
        var length = WriteVarUInt(header, 0, (ulong)_data.Length);
        length = WriteVarUInt(header, length, (ulong)Rows);
        await output.WriteAsync(header.AsMemory(0, length), cancel).ConfigureAwait(false);
        for (var c = 0; c < _data.Length; c++)
        {
            await output.WriteAsync(_prefixes[c], cancel).ConfigureAwait(false);
            if (_nulls[c] is { } nulls)
            {
                await output.WriteAsync(order is null ? nulls.WrittenMemory : Permute(nulls.WrittenSpan, 1, order), cancel).ConfigureAwait(false);
            }

            var column = _layout.Columns[c];
            var data = _data[c].WrittenSpan;
            var bytes = order is null ? _data[c].WrittenMemory
                : column.Encoding is NativeEncoding.Text or NativeEncoding.NullableText ? PermuteStrings(data, _rowStarts[c], order)
                : Permute(data, data.Length / Rows, order);
            await output.WriteAsync(bytes, cancel).ConfigureAwait(false);
        }

        Clear();
    }

    /// <summary>Fixed-width values in <paramref name="order"/>, in the scratch buffer (valid until the next call).</summary>
    private ReadOnlyMemory<byte> Permute(ReadOnlySpan<byte> data, int width, int[] order)
    {
        _permuted.ResetWrittenCount();
        var target = _permuted.GetSpan(Rows * width);
        switch (width)
        {
            case 8:
                Gather(MemoryMarshal.Cast<byte, long>(data), MemoryMarshal.Cast<byte, long>(target), order);
                break;
            case 4:
                Gather(MemoryMarshal.Cast<byte, int>(data), MemoryMarshal.Cast<byte, int>(target), order);
                break;
            default:
                Gather(data, target, order);
                break;
        }

        _permuted.Advance(Rows * width);
        return _permuted.WrittenMemory;
    }

    private void Gather<T>(ReadOnlySpan<T> source, Span<T> target, int[] order)
    {
        for (var r = 0; r < Rows; r++)
        {
            target[r] = source[order[r]];
        }
    }

    /// <summary>Strings (length and bytes) in <paramref name="order"/>, in the scratch buffer. A row's bytes end where
    /// the next row's start (or at the end of the column).</summary>
    private ReadOnlyMemory<byte> PermuteStrings(ReadOnlySpan<byte> data, int[] starts, int[] order)
    {
        _permuted.ResetWrittenCount();
        var target = _permuted.GetSpan(data.Length + 16);
        var at = 0;
        var last = Rows - 1;
        for (var r = 0; r < Rows; r++)
        {
            var row = order[r];
            var start = starts[row];
            var size = (row == last ? data.Length : starts[row + 1]) - start;
            if (size <= 16)
            {
                // Short strings (most of the block): one fixed 16-byte copy is cheaper than a sized one; the scratch
                // buffer has room past the end, and the bytes past the row are overwritten by the next one.
                data.Slice(start, Math.Min(16, data.Length - start)).CopyTo(target[at..]);
            }
            else
            {
                data.Slice(start, size).CopyTo(target[at..]);
            }

            at += size;
        }

        _permuted.Advance(at);
        return _permuted.WrittenMemory;
    }

    /// <summary>The sorter for the table's ORDER BY key: its text columns, then its time column.</summary>
    private static NativeBlockSorter Sorter(NativeTableLayout layout)
    {
        var key = ClickHouseSchema.OrderKey(layout.Table);
        var index = key.Select(name => layout.Columns.ToList().FindIndex(c => c.Name == name)).ToArray();
        var text = index[..^1];
        var last = layout.Columns[index[^1]];
        if (text.Any(i => layout.Columns[i].Encoding != NativeEncoding.Text) ||
            last.Encoding is not (NativeEncoding.DateTimeSeconds or NativeEncoding.DateTime64Micros))
        {
            throw new InvalidOperationException($"{layout.Table.Name}'s ORDER BY key must be text columns and then a time.");
        }

        return new NativeBlockSorter(text, index[^1], last.Encoding == NativeEncoding.DateTimeSeconds ? 4 : 8);
    }

    /// <summary>Empties the builder (the block is dropped), keeping its buffers.</summary>
    public void Clear()
    {
        foreach (var data in _data)
        {
            data.ResetWrittenCount();
        }

        foreach (var nulls in _nulls)
        {
            nulls?.ResetWrittenCount();
        }

        Rows = 0;
    }

    /// <summary>True when the field reads the same in every server's CSV parser as here: unquoted without a backslash,
    /// a quote or surrounding spaces; or, for text, quoted from its first to its last byte, without a backslash.</summary>
    private static bool Plain(CsvReader reader, int index, ReadOnlySpan<byte> value, bool text)
    {
        var raw = reader.GetRawSpan(index);
        if (raw.Length == value.Length)
        {
            return value.IndexOfAny(UnquotedSpecial) < 0 &&
                   (value.IsEmpty || (value[0] is not ((byte)' ' or (byte)'\t') && value[^1] is not ((byte)' ' or (byte)'\t')));
        }

        return text && raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' && value.IndexOf((byte)'\\') < 0;
    }

    private static bool TryParseWhole(ReadOnlySpan<byte> s, out long value)
    {
        var negative = !s.IsEmpty && s[0] == '-';
        if (!FieldText.Digits(negative ? s[1..] : s, 18, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    private static bool HasExponent(ReadOnlySpan<byte> value) => value.IndexOfAny((byte)'e', (byte)'E') >= 0;

    private static void WriteDouble(ArrayBufferWriter<byte> data, double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(data.GetSpan(8), value);
        data.Advance(8);
    }

    private static void WriteString(ArrayBufferWriter<byte> data, ReadOnlySpan<byte> value)
    {
        var span = data.GetSpan(value.Length + 10);
        var at = WriteVarUInt(span, 0, (ulong)value.Length);
        value.CopyTo(span[at..]);
        data.Advance(at + value.Length);
    }

    private static int WriteVarUInt(Span<byte> target, int at, ulong value)
    {
        while (value >= 0x80)
        {
            target[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        target[at++] = (byte)value;
        return at;
    }
}
