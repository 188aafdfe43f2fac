using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace FiberSqs.Core.Files;

/// <summary>
/// A write-only stream that creates a new file and appends to it through an aligned buffer, with direct I/O where the
/// system has it (Linux, O_DIRECT set with fcntl(2)): whole aligned blocks go from the buffer to the disk without being
/// copied into the page cache. A dataset is gigabytes this process does not read back (it validates the bytes while
/// they are in memory), and on a virtual machine filling the page cache costs about 2 CPU-seconds per GB, as much as
/// generating the rows. The last partial block is written after direct I/O is turned off again, so the file has exactly
/// the bytes appended. Where direct I/O is refused (tmpfs, some network and FUSE file systems, other systems) the same
/// buffer is written through the page cache as any file would be.
/// </summary>
internal sealed unsafe partial class DirectAppendStream : Stream
{
    /// <summary>The alignment O_DIRECT needs of addresses, offsets and lengths (a page covers every block size in use).</summary>
    internal const int Alignment = 4096;

    private const int F_GETFL = 3;
    private const int F_SETFL = 4;

    private readonly SafeFileHandle _handle;
    private readonly int _capacity;
    private byte* _buffer;
    private int _used;
    private long _written;

    private DirectAppendStream(SafeFileHandle handle, int capacity, bool direct)
    {
        _handle = handle;
        _capacity = capacity;
        IsDirect = direct;
        _buffer = (byte*)NativeMemory.AlignedAlloc((nuint)capacity, Alignment);
    }

    /// <summary>Creates <paramref name="path"/> (which must not exist) with a buffer of <paramref name="bufferBytes"/>
    /// (rounded up to the alignment); <paramref name="direct"/> false always writes through the page cache.</summary>
    public static DirectAppendStream Create(string path, int bufferBytes = 4 << 20, bool direct = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferBytes);
        var capacity = checked((bufferBytes + Alignment - 1) / Alignment * Alignment);
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        try
        {
            return new DirectAppendStream(handle, capacity, direct && TrySetDirect(handle, on: true));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Whether whole blocks bypass the page cache.</summary>
    public bool IsDirect { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => _buffer is not null;

    /// <summary>Bytes appended so far (written or still in the buffer).</summary>
    public override long Length => _written + _used;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write(ReadOnlySpan<byte> bytes)
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        while (!bytes.IsEmpty)
        {
            var n = Math.Min(bytes.Length, _capacity - _used);
            bytes[..n].CopyTo(new Span<byte>(_buffer + _used, n));
            _used += n;
            bytes = bytes[n..];
            if (_used == _capacity)
            {
                WriteOut(_capacity);
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Writes what direct I/O can write now (whole blocks); the rest stays buffered until more comes or the
    /// stream is closed. Through the page cache, writes everything.</summary>
    public override void Flush()
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        WriteOut(IsDirect ? _used / Alignment * Alignment : _used);
    }

    /// <summary>Writes every byte appended, the partial last block included; the stream stays open for appending, now
    /// through the page cache.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_buffer is null, this);
        Flush();
        if (IsDirect)
        {
            // An unaligned tail (and whatever is appended after it) cannot go through O_DIRECT: turn it off for good.
            TrySetDirect(_handle, on: false);
            IsDirect = false;
        }

        WriteOut(_used);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        try
        {
            if (disposing && _buffer is not null && !_handle.IsClosed)
            {
                Complete();
            }
        }
        finally
        {
            NativeMemory.AlignedFree(_buffer);
            _buffer = null;
            if (disposing)
            {
                _handle.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Writes the buffer's first <paramref name="count"/> bytes at the end of the file and keeps the rest.</summary>
    private void WriteOut(int count)
    {
        if (count == 0)
        {
            return;
        }

        try
        {
            RandomAccess.Write(_handle, new ReadOnlySpan<byte>(_buffer, count), _written);
        }
        catch (IOException) when (IsDirect && TrySetDirect(_handle, on: false))
        {
            // A file system that took the flag but refuses the write (a larger block size): the page cache it is.
            IsDirect = false;
            RandomAccess.Write(_handle, new ReadOnlySpan<byte>(_buffer, count), _written);
        }

        _written += count;
        _used -= count;
        if (_used > 0)
        {
            Buffer.MemoryCopy(_buffer + count, _buffer, _capacity, _used);
        }
    }

    /// <summary>Turns O_DIRECT on or off; false where the system or the file system does not have it.</summary>
    private static bool TrySetDirect(SafeFileHandle handle, bool on)
    {
        var flag = DirectFlag();
        if (flag == 0)
        {
            return false;
        }

        var fd = (int)handle.DangerousGetHandle();
        var flags = NativeMethods.fcntl(fd, F_GETFL, 0);
        if (flags < 0)
        {
            return false;
        }

        return NativeMethods.fcntl(fd, F_SETFL, on ? flags | flag : flags & ~flag) == 0;
    }

    /// <summary>O_DIRECT's value: it differs between Linux architectures (0 where it is not known: no direct I/O).</summary>
    private static int DirectFlag() => !OperatingSystem.IsLinux() ? 0 : RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => 0,
    };

    private static partial class NativeMethods
    {
        [LibraryImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static partial int fcntl(int fd, int command, int argument);
    }
}
