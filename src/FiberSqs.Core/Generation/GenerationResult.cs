using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>One table file as written.</summary>
public sealed record TableFileInfo(string Table, int Tier, long Rows, long Bytes, string Path);

/// <summary>Where generation is: the stage, percent done and rows written so far.</summary>
public sealed record GenerationProgress(string Stage, int PercentComplete, long RowsWritten);

/// <summary>What <see cref="DatasetGenerator.Generate"/> wrote.</summary>
public sealed class GenerationResult
{
    public required string Path { get; init; }
    public required DatasetOptions Options { get; init; }
    public required IReadOnlyList<TableFileInfo> Tables { get; init; }
    public required GroundTruth GroundTruth { get; init; }
    public string? ZipPath { get; init; }
    public TimeSpan Elapsed { get; init; }

    public long TotalRows => Tables.Sum(t => t.Rows);
    public long TotalBytes => Tables.Sum(t => t.Bytes);
}
