using System.Runtime.CompilerServices;
using CsvHelper;
using FiberSqs.Core.Tables;
using Microsoft.Win32.SafeHandles;

namespace FiberSqs.Core.Validation;

/// <summary>
/// What the generic pass found in one chunk of a CSV file: rows, header, field counts, values that do not parse
/// as their column's kind, and timestamps outside the window. Reading uses CsvHelper's reader only.
/// </summary>
internal sealed class ChunkScan : ScanCounts
{
    private static readonly CsvReaderOptions BaseOptions = new()
    {
        Separator = ',',
        HasHeader = false, // the first chunk compares its first record with the declared header itself
        AllowLineBreaksInQuotes = false,
        SkipEmptyLines = false,
        DetectSeparatorHint = false,
        BufferSize = 1 << 20,
        MaxRecordSize = 1 << 20,
    };

    public ChunkScan(CsvChunk chunk) => Chunk = chunk;

    public CsvChunk Chunk { get; }

    /// <summary>The header as found (first chunk only; null in the others, and when the file is empty).</summary>
    public string[]? Header { get; private set; }

    public ChunkProblem? FirstProblem { get; private set; }

    public ChunkProblem? FirstOutside { get; private set; }

    /// <summary>Set when the chunk could not be read to its end (I/O error, a record over 1 MiB).</summary>
    public string? Error { get; private set; }

    public TableCollector? Collector { get; private set; }

    /// <summary>Reads the chunk's byte range of <paramref name="file"/>.</summary>
    public static ChunkScan Run(TableSchema table, SafeFileHandle file, CsvChunk chunk,
        ScanContext context, TableCollector? collector, CancellationToken cancel) =>
        Run(table, () => new FileRangeStream(file, chunk.Start, chunk.End), chunk, context, collector, cancel);

    /// <summary>Reads the chunk from the bytes <paramref name="open"/> gives (a file range, or a buffer about to be
    /// written at the chunk's place in its file).</summary>
    public static ChunkScan Run(TableSchema table, Func<Stream> open, CsvChunk chunk,
        ScanContext context, TableCollector? collector, CancellationToken cancel)
    {
        var scan = new ChunkScan(chunk) { Collector = collector };
        try
        {
            scan.Read(table, open(), context, collector, cancel);
        }
        catch (Exception e) when (e is IOException or CsvFormatException or UnauthorizedAccessException)
        {
            scan.Error = e.Message;
        }

        collector?.Seal();
        return scan;
    }

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Read(TableSchema table, Stream bytes, ScanContext context, TableCollector? collector,
        CancellationToken cancel)
    {
        var columns = table.Columns;
        var n = columns.Count;
        // Looked up for every field of every row: plain arrays, not the schema's list behind its interface.
        var kinds = columns.Select(c => c.Kind).ToArray();
        var mayBeEmpty = columns.Select(c => c.MayBeEmpty).ToArray();
        var timestamps = new TimestampReader[n];
        var values = new RowValues(n);
        var windowStart = context.WindowStart.Ticks;
        var windowEnd = context.WindowEnd.Ticks;
        long malformedFirst = -1;
        var options = BaseOptions with
        {
            OnMalformedRecord = m =>
            {
                MalformedQuoting++;
                if (malformedFirst < 0)
                {
                    malformedFirst = m.RecordNumber;
                }
            },
        };

        using var reader = CsvReader.Create(bytes, options, leaveOpen: false);
        var expectHeader = Chunk.Index == 0;
        while (reader.Read())
        {
            if (expectHeader)
            {
                expectHeader = false;
                Header = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)];
                continue;
            }

            var row = ++Rows;
            if ((row & 0xFFFF) == 0)
            {
                cancel.ThrowIfCancellationRequested();
            }

            if (reader.FieldCount != n)
            {
                WrongFieldCount++;
                Problem(row, $"{reader.FieldCount} fields where the header has {n}");
                continue;
            }

            var ok = true;
            for (var i = 0; i < n; i++)
            {
                var kind = kinds[i];
                if (kind == ColumnKind.Text)
                {
                    continue;
                }

                var span = reader.GetSpan(i);
                if (span.IsEmpty)
                {
                    values.Numbers[i] = double.NaN;
                    values.Ticks[i] = RowValues.NoTicks;
                    if (!mayBeEmpty[i])
                    {
                        EmptyRequired++;
                        ok = false;
                        Problem(row, $"column {columns[i].Name} is empty");
                    }

                    continue;
                }

                switch (kind)
                {
                    case ColumnKind.RealNumber:
                        if (reader.TryParse<double>(i, out var d) && double.IsFinite(d))
                        {
                            values.Numbers[i] = d;
                        }
                        else
                        {
                            values.Numbers[i] = double.NaN;
                            BadNumbers++;
                            ok = false;
                            Problem(row, $"column {columns[i].Name} is not a number: '{Snippet(span)}'");
                        }

                        break;
                    case ColumnKind.WholeNumber:
                        if (reader.TryParse<long>(i, out var w))
                        {
                            values.Numbers[i] = w;
                        }
                        else
                        {
                            values.Numbers[i] = double.NaN;
                            BadNumbers++;
                            ok = false;
                            Problem(row, $"column {columns[i].Name} is not a whole number: '{Snippet(span)}'");
                        }

                        break;
                    case ColumnKind.Flag:
                        if (span.SequenceEqual("true"u8) || span.SequenceEqual("false"u8))
                        {
                            values.Numbers[i] = span.Length == 4 ? 1 : 0;
                        }
                        else
                        {
                            values.Numbers[i] = double.NaN;
                            BadFlags++;
                            ok = false;
                            Problem(row, $"column {columns[i].Name} is not true or false: '{Snippet(span)}'");
                        }

                        break;
                    default:
                        if (timestamps[i].TryRead(span, kind == ColumnKind.TimestampMicros, out var ticks))
                        {
                            values.Ticks[i] = ticks;
                            TimestampsChecked++;
                            MinTicks = Math.Min(MinTicks, ticks);
                            MaxTicks = Math.Max(MaxTicks, ticks);
                            if (ticks < windowStart || ticks >= windowEnd)
                            {
                                OutsideWindow++;
                                FirstOutside ??= new ChunkProblem(row, $"{columns[i].Name} {Snippet(span)}");
                            }
                        }
                        else
                        {
                            values.Ticks[i] = RowValues.NoTicks;
                            BadTimestamps++;
                            ok = false;
                            Problem(row, $"column {columns[i].Name} is not a timestamp of the form " +
                                $"{(kind == ColumnKind.TimestampMicros ? "2025-12-03T12:21:07.123456Z" : "2025-12-03T12:21:07Z")}: '{Snippet(span)}'");
                        }

                        break;
                }
            }

            // Rows with a bad value still count for the table's other checks (the value reads as missing), so that
            // one bad field fails this table's parse check rather than every check downstream.
            _ = ok;
            collector?.Row(reader, values);
        }

        if (malformedFirst >= 0)
        {
            // The reader numbers records from 1 including the first chunk's header.
            Problem(Chunk.Index == 0 ? malformedFirst - 1 : malformedFirst, "malformed quoting");
        }
    }

    private void Problem(long row, string what)
    {
        if (FirstProblem is null || row < FirstProblem.Row)
        {
            FirstProblem = new ChunkProblem(row, what);
        }
    }

    private static string Snippet(ReadOnlySpan<byte> span)
    {
        var text = System.Text.Encoding.UTF8.GetString(span.Length > 40 ? span[..40] : span);
        return span.Length > 40 ? text + "..." : text;
    }
}
