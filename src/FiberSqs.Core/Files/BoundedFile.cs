namespace FiberSqs.Core.Files;

/// <summary>
/// Reads of files a crafted dataset controls, with a bound: a reader gets at most <c>maxBytes</c> and then an
/// <see cref="InvalidDataException"/>, whatever the file claims to be (a huge file, a link to /dev/zero, a FIFO).
/// </summary>
internal static class BoundedFile
{
    /// <summary>Opens <paramref name="path"/> for reading; reading past <paramref name="maxBytes"/> throws.</summary>
    public static Stream OpenRead(string path, long maxBytes, string what) =>
        new Limited(File.OpenRead(path), maxBytes, path, what);

    /// <summary>The first line of <paramref name="path"/> (without its line feed), read from at most
    /// <paramref name="maxBytes"/> bytes; null for an empty file. A longer line throws <see cref="InvalidDataException"/>.</summary>
    public static string? ReadFirstLine(string path, int maxBytes)
    {
        using var file = File.OpenRead(path);
        var buffer = new byte[maxBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = file.Read(buffer, length, buffer.Length - length)) > 0)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', length, read);
            length += read;
            if (newline >= 0)
            {
                return System.Text.Encoding.UTF8.GetString(buffer, 0, newline).TrimEnd('\r');
            }
        }

        if (length == 0)
        {
            return null;
        }

        if (length == buffer.Length && file.ReadByte() >= 0)
        {
            throw new InvalidDataException($"{path} starts with a line longer than {maxBytes / 1024} KiB: it is not a CSV this module wrote.");
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }

    private sealed class Limited(Stream inner, long maxBytes, string path, string what) : ForwardReadStream
    {
        private long _read;

        protected override long ReadPosition => _read;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            _read += n;
            return _read <= maxBytes ? n
                : throw new InvalidDataException($"{path} is larger than {maxBytes >> 20} MiB, more than {what} can be.");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
