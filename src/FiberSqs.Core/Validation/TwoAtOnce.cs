namespace FiberSqs.Core.Validation;

/// <summary>
/// Builds two things at once, one per core (the checks' key sets), without losing either: when one side fails, the
/// other's result is disposed (a key set's native memory has no finalizer) and the failure is thrown as it was, not
/// wrapped in an <see cref="AggregateException"/>.
/// </summary>
internal static class TwoAtOnce
{
    /// <summary>Runs <paramref name="a"/> on a pool thread and <paramref name="b"/> on this one and returns both
    /// results; when both fail, this thread's failure is the one thrown.</summary>
    public static (TA A, TB B) Run<TA, TB>(Func<TA> a, Func<TB> b, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var first = Task.Run(a, cancel);
        TB second;
        try
        {
            second = b();
        }
        catch
        {
            try
            {
                (first.GetAwaiter().GetResult() as IDisposable)?.Dispose();
            }
            catch (Exception) when (first.IsFaulted || first.IsCanceled)
            {
                // The failure on this thread is the one reported.
            }

            throw;
        }

        try
        {
            return (first.GetAwaiter().GetResult(), second);
        }
        catch
        {
            (second as IDisposable)?.Dispose();
            throw;
        }
    }
}
