using CsvHelper;
using FiberSqs.Core.Generation;

namespace FiberSqs.Core.Tables;

/// <summary>
/// Writes one table's rows through CsvHelper (RFC 4180 quoting, UTF-8, \n line ends) with typed helpers that
/// format values into UTF-8 on the stack first, so the hot path allocates nothing per field.
/// </summary>
public sealed class CsvRowWriter : IDisposable
{
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", WriteByteOrderMark = false };

    private readonly CsvWriter _csv;

    public CsvRowWriter(Stream destination, bool leaveOpen = true)
    {
        _csv = CsvWriter.Create(destination, Options, leaveOpen);
    }

    /// <summary>Rows ended so far (the header not counted).</summary>
    public long Rows { get; private set; }

    public void Header(TableSchema table)
    {
        foreach (var column in table.Columns)
        {
            _csv.WriteField(column.Name);
        }

        _csv.EndRecord();
    }

    public void Text(ReadOnlySpan<byte> utf8) => _csv.WriteField(utf8);

    public void Text(string text) => _csv.WriteField(text);

    public void Empty() => _csv.WriteField(ReadOnlySpan<byte>.Empty);

    public void TimestampMicros(long ticks)
    {
        Span<byte> buffer = stackalloc byte[Utf8Text.TimestampMicrosLength];
        Utf8Text.TimestampMicros(buffer, ticks);
        _csv.WriteField((ReadOnlySpan<byte>)buffer);
    }

    public void TimestampSeconds(long ticks)
    {
        Span<byte> buffer = stackalloc byte[Utf8Text.TimestampSecondsLength];
        Utf8Text.TimestampSeconds(buffer, ticks);
        _csv.WriteField((ReadOnlySpan<byte>)buffer);
    }

    public void WholeNumber(long value)
    {
        Span<byte> buffer = stackalloc byte[24];
        var n = Utf8Text.WholeNumber(buffer, value);
        _csv.WriteField((ReadOnlySpan<byte>)buffer[..n]);
    }

    public void Fixed(double value, int decimals)
    {
        Span<byte> buffer = stackalloc byte[32];
        var n = Utf8Text.Fixed(buffer, value, decimals);
        _csv.WriteField((ReadOnlySpan<byte>)buffer[..n]);
    }

    /// <summary>true or false, as the original wrote booleans.</summary>
    public void Flag(bool value) => _csv.WriteField(value ? "true"u8 : "false"u8);

    public void EndRow()
    {
        _csv.EndRecord();
        Rows++;
    }

    public void Flush() => _csv.Flush();

    public void Dispose() => _csv.Dispose();
}
