using System.Runtime.CompilerServices;
using CsvHelper;
using FiberSqs.Core.Generation;

namespace FiberSqs.Core.Tables;

/// <summary>
/// Writes one table's rows through CsvHelper (RFC 4180 quoting, UTF-8, \n line ends) with typed helpers that
/// format values into UTF-8 on the stack first, so the hot path allocates nothing per field. Every row must have the
/// table's field count: a writer that emits one field too many or too few fails at once, not in a reader's hands.
/// </summary>
internal sealed class CsvRowWriter : IDisposable
{
    // EndRow checks every row's field count against the table (and names the table), so CsvHelper's own check against
    // the first record would only repeat it for every row.
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", WriteByteOrderMark = false, ValidateFieldCount = false };

    private readonly CsvWriter _csv;
    private readonly TableSchema _table;
    private readonly int _columns;
    private readonly TimestampFormatter _timestamps = new();
    private int _fields;

    public CsvRowWriter(Stream destination, TableSchema table, bool leaveOpen = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _columns = table.Columns.Count;
        _csv = CsvWriter.Create(destination, Options, leaveOpen);
    }

    /// <summary>Rows ended so far (the header not counted).</summary>
    public long Rows { get; private set; }

    /// <summary>The header row: the table's column names.</summary>
    public void Header()
    {
        foreach (var column in _table.Columns)
        {
            _csv.WriteField(column.Name);
        }

        _csv.EndRecord();
    }

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Text(ReadOnlySpan<byte> utf8)
    {
        _fields++;
        _csv.WriteField(utf8);
    }

    public void Text(string text)
    {
        _fields++;
        _csv.WriteField(text);
    }

    public void Empty() => Text(ReadOnlySpan<byte>.Empty);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void TimestampMicros(long ticks)
    {
        Span<byte> buffer = stackalloc byte[Utf8Text.TimestampMicrosLength];
        _timestamps.Micros(buffer, ticks);
        Text(buffer);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void TimestampSeconds(long ticks)
    {
        Span<byte> buffer = stackalloc byte[Utf8Text.TimestampSecondsLength];
        _timestamps.Seconds(buffer, ticks);
        Text(buffer);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WholeNumber(long value)
    {
        Span<byte> buffer = stackalloc byte[24];
        var n = Utf8Text.WholeNumber(buffer, value);
        Text(buffer[..n]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fixed(double value, int decimals)
    {
        Span<byte> buffer = stackalloc byte[32];
        var n = Utf8Text.Fixed(buffer, value, decimals);
        Text(buffer[..n]);
    }

    /// <summary>true or false, as the original wrote booleans.</summary>
    public void Flag(bool value) => Text(value ? "true"u8 : "false"u8);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndRow()
    {
        if (_fields != _columns)
        {
            throw new InvalidOperationException($"A row of {_table.Name} has {_fields} fields; the table has {_columns} columns.");
        }

        _fields = 0;
        _csv.EndRecord();
        Rows++;
    }

    public void Flush() => _csv.Flush();

    public void Dispose() => _csv.Dispose();
}
