using FiberSqs.Core.Files;
using Microsoft.Win32.SafeHandles;

namespace FiberSqs.Core.Validation;

/// <summary>A read-only stream over bytes [start, end) of a file, read with positional reads so that several
/// streams (one per worker) can share one file handle.</summary>
internal sealed class FileRangeStream : ForwardReadStream
{
    private readonly SafeFileHandle _handle;
    private readonly long _start;
    private readonly long _end;
    private long _position;

    public FileRangeStream(SafeFileHandle handle, long start, long end)
    {
        _handle = handle;
        _start = start;
        _end = end;
        _position = start;
    }

    public override long Length => _end - _start;

    protected override long ReadPosition => _position - _start;

    public override int Read(Span<byte> buffer)
    {
        var left = _end - _position;
        if (left <= 0)
        {
            return 0;
        }

        if (buffer.Length > left)
        {
            buffer = buffer[..(int)left];
        }

        var n = RandomAccess.Read(_handle, buffer, _position);
        _position += n;
        return n;
    }
}
