using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Generation;

/// <summary>A written and validated dataset, with every path as it is after the swap.</summary>
internal sealed record ProducedDataset(GenerationResult Generation, ValidationReport Validation, bool Replaced);
