using System.Collections.Concurrent;

namespace FiberSqs.Core.Generation;

/// <summary>
/// Fixed-size byte blocks for the shard buffers, handed back and taken again as shards pass through the pipeline.
/// A block, once its pages are touched, is reused warm: no buffer grows by doubling (copying an hour's bytes again and
/// faulting in fresh memory), and the pool's size is what the shards in flight hold at most. Not
/// <see cref="System.Buffers.ArrayPool{T}"/>: its shared pool keeps a few dozen arrays of a size per core and drops
/// the rest, while the pipeline cycles a few hundred.
/// </summary>
internal sealed class BlockPool
{
    /// <summary>1 MiB: large enough that a block's bookkeeping is nothing beside its bytes, small enough that the
    /// last, partly filled block of a small table's hour wastes little.</summary>
    public const int BlockBytes = 1 << 20;

    private readonly ConcurrentQueue<byte[]> _free = new();

    public byte[] Rent() => _free.TryDequeue(out var block) ? block : GC.AllocateUninitializedArray<byte>(BlockBytes);

    public void Return(byte[] block)
    {
        ArgumentNullException.ThrowIfNull(block);
        _free.Enqueue(block);
    }

    /// <summary>Lets every free block go (to the garbage collector).</summary>
    public void Clear() => _free.Clear();
}
