using System.Buffers;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// A CSV file as an HTTP request body, read from disk in 1 MiB chunks as the request is sent (never whole in
/// memory), optionally gzip-compressed on the fly, counting the bytes and rows that went out for progress.
/// </summary>
public sealed class CsvUploadContent : HttpContent
{
    private const int ChunkSize = 1 << 20;
    private readonly string _path;
    private readonly bool _gzip;
    private readonly Action<long, long>? _sent;

    /// <param name="path">The CSV file.</param>
    /// <param name="gzip">Compress the body (<c>Content-Encoding: gzip</c>).</param>
    /// <param name="sent">Called after each chunk with the file bytes and data rows (header excluded) sent so far.</param>
    public CsvUploadContent(string path, bool gzip, Action<long, long>? sent = null)
    {
        _path = path;
        _gzip = gzip;
        _sent = sent;
        Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        if (gzip)
        {
            Headers.ContentEncoding.Add("gzip");
        }
    }

    /// <summary>File bytes read and sent so far.</summary>
    public long BytesSent { get; private set; }

    /// <summary>Data rows (lines after the header) sent so far.</summary>
    public long RowsSent { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            await using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
            var target = _gzip ? new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true) : stream;
            try
            {
                long lines = 0;
                var last = (byte)'\n';
                int read;
                while ((read = await file.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    lines += buffer.AsSpan(0, read).Count((byte)'\n');
                    last = buffer[read - 1];
                    BytesSent += read;
                    RowsSent = Math.Max(0, lines - 1 + (last == '\n' ? 0 : 1));
                    _sent?.Invoke(BytesSent, RowsSent);
                }
            }
            finally
            {
                if (_gzip)
                {
                    await target.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        if (_gzip)
        {
            length = 0;
            return false;
        }

        length = new FileInfo(_path).Length;
        return true;
    }
}
