using System.Buffers;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// A CSV file, or a slice of it that starts and ends on a row boundary, as an HTTP request body: read from disk
/// in 1 MiB chunks as the request is sent (never whole in memory), optionally gzip-compressed on the fly, counting
/// the bytes and rows that went out for progress.
/// </summary>
internal sealed class CsvUploadContent : HttpContent
{
    private const int ChunkSize = 1 << 20;
    private readonly string _path;
    private readonly long _offset;
    private readonly long _length;
    private readonly bool _hasHeader;
    private readonly bool _gzip;
    private readonly Action<long, long>? _sent;

    /// <param name="path">The CSV file.</param>
    /// <param name="gzip">Compress the body (<c>Content-Encoding: gzip</c>).</param>
    /// <param name="sent">Called after each chunk with the file bytes and data rows (header excluded) sent so far.</param>
    public CsvUploadContent(string path, bool gzip, Action<long, long>? sent = null)
        : this(path, 0, new FileInfo(path).Length, hasHeader: true, gzip, sent)
    {
    }

    /// <param name="path">The CSV file.</param>
    /// <param name="offset">First byte of the slice (0, or just after a line feed).</param>
    /// <param name="length">Bytes in the slice (it ends just after a line feed, or at the end of the file).</param>
    /// <param name="hasHeader">The slice starts with the header row (not counted as a row).</param>
    /// <param name="gzip">Compress the body (<c>Content-Encoding: gzip</c>).</param>
    /// <param name="sent">Called after each chunk with the slice's bytes and data rows sent so far.</param>
    public CsvUploadContent(string path, long offset, long length, bool hasHeader, bool gzip, Action<long, long>? sent = null)
    {
        _path = path;
        _offset = offset;
        _length = length;
        _hasHeader = hasHeader;
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
            file.Position = _offset;
            var remaining = _length;
            var target = _gzip ? new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true) : stream;
            try
            {
                long lines = 0;
                var last = (byte)'\n';
                int read;
                while (remaining > 0 &&
                       (read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(ChunkSize, remaining)), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    remaining -= read;
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    lines += buffer.AsSpan(0, read).Count((byte)'\n');
                    last = buffer[read - 1];
                    BytesSent += read;
                    RowsSent = Math.Max(0, lines - (_hasHeader ? 1 : 0) + (last == '\n' ? 0 : 1));
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

        length = _length;
        return true;
    }

    /// <summary>Cuts a file into about <paramref name="parts"/> slices of similar size, each ending just after a line
    /// feed (so every slice holds whole rows); the first starts with the header row.</summary>
    public static IReadOnlyList<(long Offset, long Length)> Slices(string path, int parts)
    {
        var size = new FileInfo(path).Length;
        if (parts <= 1 || size == 0)
        {
            return [(0, size)];
        }

        var cuts = new List<long> { 0 };
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        for (var i = 1; i < parts; i++)
        {
            var target = Math.Max(size * i / parts, cuts[^1]);
            file.Position = target;
            long cut = -1;
            int read;
            while (cut < 0 && (read = file.Read(buffer, 0, buffer.Length)) > 0)
            {
                var nl = buffer.AsSpan(0, read).IndexOf((byte)'\n');
                if (nl >= 0)
                {
                    cut = file.Position - read + nl + 1;
                }
            }

            if (cut <= cuts[^1] || cut >= size)
            {
                break;
            }

            cuts.Add(cut);
        }

        cuts.Add(size);
        return [.. cuts.Zip(cuts.Skip(1), (a, b) => (a, b - a))];
    }
}
