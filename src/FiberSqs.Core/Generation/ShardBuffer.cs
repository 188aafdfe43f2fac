using System.Runtime.CompilerServices;
using FiberSqs.Core.Files;

namespace FiberSqs.Core.Generation;

/// <summary>
/// One table's CSV bytes of one shard, appended through the <see cref="Stream"/> API (CsvHelper's writer flushes its
/// buffer here) and kept as blocks from a <see cref="BlockPool"/>: appending never moves bytes already written. The
/// writer reads them back as <see cref="Segments"/>, the write-time scan through <see cref="OpenRead"/>.
/// </summary>
internal sealed class ShardBuffer(BlockPool pool) : Stream
{
    private readonly List<byte[]> _blocks = [];
    private int _lastUsed = BlockPool.BlockBytes; // bytes used in the last block; full when there is none

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _blocks.Count == 0 ? 0 : ((long)(_blocks.Count - 1) * BlockPool.BlockBytes) + _lastUsed;

    public override long Position
    {
        get => Length;
        set => throw new NotSupportedException();
    }

    /// <summary>The bytes written, in order, block by block.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Segments
    {
        get
        {
            for (var i = 0; i < _blocks.Count; i++)
            {
                yield return _blocks[i].AsMemory(0, i == _blocks.Count - 1 ? _lastUsed : BlockPool.BlockBytes);
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Write(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (_lastUsed == BlockPool.BlockBytes)
            {
                _blocks.Add(pool.Rent());
                _lastUsed = 0;
            }

            var n = Math.Min(bytes.Length, BlockPool.BlockBytes - _lastUsed);
            bytes[..n].CopyTo(_blocks[^1].AsSpan(_lastUsed, n));
            _lastUsed += n;
            bytes = bytes[n..];
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>A read-only stream over the bytes written so far (the buffer must not change while it is read).</summary>
    public Stream OpenRead() => new SegmentReader(Segments.GetEnumerator());

    /// <summary>Hands the blocks back to the pool; the buffer is empty and can be written again.</summary>
    public void Release()
    {
        foreach (var block in _blocks)
        {
            pool.Return(block);
        }

        _blocks.Clear();
        _lastUsed = BlockPool.BlockBytes;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Reads a sequence of segments as one stream.</summary>
    private sealed class SegmentReader(IEnumerator<ReadOnlyMemory<byte>> segments) : ForwardReadStream
    {
        private ReadOnlyMemory<byte> _current;

        public override int Read(Span<byte> destination)
        {
            while (_current.IsEmpty)
            {
                if (!segments.MoveNext())
                {
                    return 0;
                }

                _current = segments.Current;
            }

            var n = Math.Min(destination.Length, _current.Length);
            _current.Span[..n].CopyTo(destination);
            _current = _current[n..];
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                segments.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
