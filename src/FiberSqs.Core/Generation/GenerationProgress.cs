using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>Where generation is: the stage, percent done and rows written so far.</summary>
public sealed record GenerationProgress(string Stage, int PercentComplete, long RowsWritten);
