namespace FiberSqs.Core.Generation;

/// <summary>What the customer lived through, which decides whether and why they call support.</summary>
internal enum CallExperience
{
    /// <summary>Completed at the first attempt, in a normal time.</summary>
    Fine,
    /// <summary>Retried, accepted for a later retry (202), or slower than <see cref="Story.SlowThresholdMs"/>.</summary>
    Slow,
    /// <summary>Timed out.</summary>
    Failed,
}
