namespace FiberSqs.Core.Generation;

/// <summary>How a transaction ended.</summary>
internal enum Outcome
{
    Completed,
    /// <summary>HTTP 202: accepted, to be retried later.</summary>
    RetryLater,
    Timeout,
}
