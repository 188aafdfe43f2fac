using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>What <see cref="DatasetGenerator.Generate(string, DatasetOptions, IProgress{GenerationProgress}?, CancellationToken)"/> wrote.</summary>
internal sealed class GenerationResult
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
