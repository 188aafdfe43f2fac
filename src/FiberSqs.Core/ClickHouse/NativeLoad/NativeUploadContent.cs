using System.Net;
using System.Net.Http.Headers;
using CsvHelper;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>
/// The body of one fast INSERT: Native blocks of a table built from the chunks of its CSV that this INSERT takes
/// from the file's <see cref="NativeFileSource"/> (several INSERTs of one file share its chunks). Reading uses
/// CsvHelper's reader; while one block goes out, the next is built. When a value cannot be reproduced the file's
/// source is failed and the body ends at the last whole block sent: the caller drops the table and loads the file
/// as CSV.
/// </summary>
internal sealed class NativeUploadContent : HttpContent
{
    private static readonly CsvReaderOptions BaseOptions = new()
    {
        Separator = ',',
        HasHeader = false, // the first chunk skips the header row itself
        AllowLineBreaksInQuotes = false,
        SkipEmptyLines = false,
        DetectSeparatorHint = false,
        BufferSize = 1 << 20,
        MaxRecordSize = 1 << 20,
    };

    private readonly NativeFileSource _source;
    private readonly Action<long, long>? _sent;

    /// <param name="source">The file and its chunks.</param>
    /// <param name="sent">Called after each block with the CSV bytes and rows this INSERT has sent so far.</param>
    public NativeUploadContent(NativeFileSource source, Action<long, long>? sent = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _sent = sent;
        Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
    }

    /// <summary>CSV bytes whose rows this body has sent.</summary>
    public long BytesSent { get; private set; }

    /// <summary>Rows sent.</summary>
    public long RowsSent { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var building = new NativeBlockBuilder(_source.Layout, _source.Parsing, _source.BlockRows);
        var spare = new NativeBlockBuilder(_source.Layout, _source.Parsing, _source.BlockRows);
        var sending = Task.CompletedTask;
        long doneBytes = 0, rows = 0;

        async Task Send(long bytesSoFar)
        {
            await sending.ConfigureAwait(false);
            (building, spare) = (spare, building);
            var rowsSoFar = rows;
            sending = Sent(spare.WriteToAsync(stream, cancellationToken), bytesSoFar, rowsSoFar);
        }

        async Task Sent(Task write, long bytes, long sentRows)
        {
            await write.ConfigureAwait(false);
            BytesSent = bytes;
            RowsSent = sentRows;
            _sent?.Invoke(bytes, sentRows);
        }

        while (_source.TryTake(out var chunk))
        {
            var malformed = false;
            var options = BaseOptions with { OnMalformedRecord = _ => malformed = true };
            using var reader = CsvReader.Create(new FileRangeStream(_source.Handle, chunk.Start, chunk.End), options, leaveOpen: false);
            var header = chunk.Index == 0;
            string? problem = null;
            long lines = 0; // one record per line: quoted line breaks are refused above
            try
            {
                while (reader.Read())
                {
                    lines++;
                    if (header)
                    {
                        header = false;
                        continue;
                    }

                    if (malformed || !building.TryAdd(reader, out problem))
                    {
                        problem = malformed ? "malformed quoting" : problem;
                        break;
                    }

                    rows++;
                    if (building.IsFull)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (_source.Problem is not null)
                        {
                            break; // another INSERT of this file met a problem: the file goes as CSV
                        }

                        await Send(doneBytes + reader.ByteOffset).ConfigureAwait(false);
                    }
                }
            }
            catch (CsvFormatException e)
            {
                problem = e.Message; // a record over 1 MiB, say: the server's CSV parser decides
                lines++; // the record that did not read
            }

            if (problem is not null)
            {
                _source.Fail(new FastLoadProblem(_source.File.Path, _source.LinesBefore(chunk.Start) + Math.Max(lines, 1), problem));
            }

            if (_source.Problem is not null)
            {
                building.Clear();
                await sending.ConfigureAwait(false);
                return;
            }

            doneBytes += chunk.Length;
        }

        await Send(doneBytes).ConfigureAwait(false);
        await sending.ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
