namespace FiberSqs.Core.Generation;

/// <summary>What the written data really shows, gathered per shard and merged in shard order.</summary>
internal sealed class GenerationStats
{
    /// <summary>The confounders in ground_truth.json order: the central CPU spike, the west deployment blip.</summary>
    public const int ConfounderCount = 2;

    public LatencyHistogram OutsideIncidents { get; } = new();
    public RunningStat ImpactedDependencyMs { get; } = new();
    public RunningStat BaselineDependencyMs { get; } = new();

    /// <summary>Impacted calls that answered (not the timed-out last attempts), ÷ the base latency.</summary>
    public RunningStat ImpactedDependencyMultiplier { get; } = new();
    public RunningStat PrimaryRttBaseline { get; } = new();
    public RunningStat PrimaryRttBurst { get; } = new();
    public long ImpactedTransactions { get; set; }
    public long ImpactedTimeouts { get; set; }
    public long BaselineTransactions { get; set; }
    public long BaselineTimeouts { get; set; }

    /// <summary>Per confounder: its region's transactions that started inside its window, and those outside it (not
    /// burst-impacted and in no other confounder): what the answer key states of its effect.</summary>
    public SliceStats[] ConfounderInside { get; } = [new(), new()];
    public SliceStats[] ConfounderOutside { get; } = [new(), new()];

    public void Merge(GenerationStats other)
    {
        OutsideIncidents.Merge(other.OutsideIncidents);
        ImpactedDependencyMs.Merge(other.ImpactedDependencyMs);
        BaselineDependencyMs.Merge(other.BaselineDependencyMs);
        ImpactedDependencyMultiplier.Merge(other.ImpactedDependencyMultiplier);
        PrimaryRttBaseline.Merge(other.PrimaryRttBaseline);
        PrimaryRttBurst.Merge(other.PrimaryRttBurst);
        ImpactedTransactions += other.ImpactedTransactions;
        ImpactedTimeouts += other.ImpactedTimeouts;
        BaselineTransactions += other.BaselineTransactions;
        BaselineTimeouts += other.BaselineTimeouts;
        for (var i = 0; i < ConfounderCount; i++)
        {
            ConfounderInside[i].Merge(other.ConfounderInside[i]);
            ConfounderOutside[i].Merge(other.ConfounderOutside[i]);
        }
    }
}
