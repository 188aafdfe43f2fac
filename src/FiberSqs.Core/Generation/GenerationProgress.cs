using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>Where generation is: the stage, percent done and rows written so far.</summary>
internal sealed record GenerationProgress(string Stage, int PercentComplete, long RowsWritten);
