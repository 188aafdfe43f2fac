namespace FiberSqs.Core.Validation;

/// <summary>
/// The validator's parallel reads of a file's chunks (the scan, and a file read again for its file-wide keys) report
/// a cancellation the way the rest of the library does: one <see cref="OperationCanceledException"/>, not the
/// <see cref="AggregateException"/> of every worker it stopped. Any other failure stays as the loop threw it.
/// </summary>
internal static class ParallelScan
{
    public static void Run(Action loop, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(loop);
        try
        {
            loop();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException("Validation was cancelled.", e, cancel);
        }
    }
}
