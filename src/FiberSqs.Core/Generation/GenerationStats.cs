namespace FiberSqs.Core.Generation;

/// <summary>What the written data really shows, gathered per shard and merged in shard order.</summary>
internal sealed class GenerationStats
{
    public LatencyHistogram OutsideIncidents { get; } = new();
    public RunningStat ImpactedDependencyMs { get; } = new();
    public RunningStat BaselineDependencyMs { get; } = new();
    public RunningStat PrimaryRttBaseline { get; } = new();
    public RunningStat PrimaryRttBurst { get; } = new();
    public long ImpactedTransactions { get; set; }
    public long ImpactedTimeouts { get; set; }
    public long BaselineTransactions { get; set; }
    public long BaselineTimeouts { get; set; }

    public void Merge(GenerationStats other)
    {
        OutsideIncidents.Merge(other.OutsideIncidents);
        ImpactedDependencyMs.Merge(other.ImpactedDependencyMs);
        BaselineDependencyMs.Merge(other.BaselineDependencyMs);
        PrimaryRttBaseline.Merge(other.PrimaryRttBaseline);
        PrimaryRttBurst.Merge(other.PrimaryRttBurst);
        ImpactedTransactions += other.ImpactedTransactions;
        ImpactedTimeouts += other.ImpactedTimeouts;
        BaselineTransactions += other.BaselineTransactions;
        BaselineTimeouts += other.BaselineTimeouts;
    }
}
