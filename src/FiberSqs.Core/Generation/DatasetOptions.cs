namespace FiberSqs.Core.Generation;

/// <summary>The parameters of one dataset (docs/architecture.md).</summary>
internal sealed record DatasetOptions
{
    public const long DefaultAppLogRows = 15_000_000;

    /// <summary>Largest effective app-log row count: keeps transaction sequence numbers within their 7 digits.</summary>
    public const long MaxAppLogRowTarget = 50_000_000;

    public long Seed { get; init; } = 7;
    public long AppLogRows { get; init; } = DefaultAppLogRows;
    public double ScaleLogs { get; init; } = 1.0;
    public bool EnableTier2 { get; init; }
    public bool Zip { get; init; }

    /// <summary>The story to tell (docs/scenarios.md); the classic by default.</summary>
    public Scenarios.ExerciseScenario Scenario { get; init; } = Scenarios.ExerciseScenario.Classic;

    /// <summary>Worker threads; null for one per core. The output never depends on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>AppLogRows × ScaleLogs, rounded: the app-log rows the dataset aims at.</summary>
    public long AppLogRowTarget => (long)Math.Round(AppLogRows * ScaleLogs);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the parameter and the allowed range.</summary>
    public void Validate()
    {
        if (Seed < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Seed), Seed, "Seed must be zero or positive.");
        }

        if (AppLogRows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(AppLogRows), AppLogRows, "AppLogRows must be at least 1.");
        }

        if (double.IsNaN(ScaleLogs) || double.IsInfinity(ScaleLogs) || ScaleLogs <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ScaleLogs), ScaleLogs, "ScaleLogs must be a positive finite number.");
        }

        var target = AppLogRows * ScaleLogs;
        if (target < 100 || target > MaxAppLogRowTarget)
        {
            throw new ArgumentOutOfRangeException(nameof(ScaleLogs), target,
                $"AppLogRows x ScaleLogs is {target:0.###}; it must be between 100 and {MaxAppLogRowTarget:N0}.");
        }

        if (MaxDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Must be at least 1.");
        }
    }
}
