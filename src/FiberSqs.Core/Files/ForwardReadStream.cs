namespace FiberSqs.Core.Files;

/// <summary>
/// The read-only, forward-only streams of this library (a file range, a bounded read, a buffer's blocks) share
/// this base: it answers every member such a stream does not support, so each keeps only its reading.
/// </summary>
internal abstract class ForwardReadStream : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => ReadPosition;
        set => throw new NotSupportedException();
    }

    /// <summary>Bytes read so far, where the stream knows it.</summary>
    protected virtual long ReadPosition => throw new NotSupportedException();

    public abstract override int Read(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
