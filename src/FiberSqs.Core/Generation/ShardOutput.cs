using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Generation;

/// <summary>One hour's rows of every shard-written table, as CSV bytes, plus what it observed.</summary>
internal sealed class ShardOutput(int shard, IReadOnlyList<TableSchema> tables, Func<ShardBuffer> rent)
{
    public int Shard { get; } = shard;

    public Dictionary<TableSchema, ShardBuffer> Buffers { get; } = tables.ToDictionary(t => t, _ => rent());

    public Dictionary<TableSchema, long> Rows { get; } = tables.ToDictionary(t => t, _ => 0L);

    public GenerationStats Stats { get; } = new();

    public List<TsoCandidate> TsoCandidates { get; } = [];

    /// <summary>Key: region * 1,000,000 + minute index of the end time.</summary>
    public Dictionary<int, EndedTransaction> EndedByMinute { get; } = [];
}
