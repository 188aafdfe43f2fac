using System.Management.Automation;

namespace FiberSqs.Commands;

/// <summary>
/// What every FiberSqs cmdlet shares: a cancellation token that Ctrl+C (StopProcessing) cancels, progress
/// reported from the core's worker threads and written on the pipeline thread, and error records.
/// </summary>
public abstract partial class FiberSqsCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
    protected CancellationToken CancelToken => _stopping.Token;

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Runs core work on a worker thread while this (pipeline) thread writes its progress records,
    /// since WriteProgress may only be called from the pipeline thread.</summary>
    protected T RunWithProgress<T>(Func<IProgress<ProgressRecord>, T> work)
    {
        // Not disposed: a late report from a worker thread must find it still usable (it is then ignored).
        var queue = new System.Collections.Concurrent.BlockingCollection<ProgressRecord>();
        var reporter = new Progress(queue);
        var task = Task.Run(() =>
        {
            try
            {
                return work(reporter);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        foreach (var record in queue.GetConsumingEnumerable())
        {
            WriteProgress(record);
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>As <see cref="RunWithProgress{T}(Func{IProgress{ProgressRecord}, T})"/>, for core work that reports its own
    /// progress type: <paramref name="toRecord"/> turns each report into a progress record, on the worker thread.</summary>
    protected T RunWithProgress<TProgress, T>(Func<IProgress<TProgress>, T> work, Func<TProgress, ProgressRecord> toRecord) =>
        RunWithProgress(records => work(new Mapped<TProgress>(records, toRecord)));

    /// <summary>Reports synchronously (unlike Progress&lt;T&gt;, which posts to the thread pool and can arrive late).</summary>
    private sealed class Mapped<TProgress>(IProgress<ProgressRecord> records, Func<TProgress, ProgressRecord> toRecord) : IProgress<TProgress>
    {
        public void Report(TProgress value) => records.Report(toRecord(value));
    }

    /// <summary>Resolves a path parameter to a file-system path. False, with the error record ProviderNotFileSystem,
    /// for a path on another provider (Env:\x, Variable:\x, Function:\), whose "path" would otherwise land in the
    /// process's working folder, or on a drive that does not exist.</summary>
    protected bool TryResolveFileSystemPath(string path, string parameter, out string resolved, out ErrorRecord? error)
    {
        string? why;
        try
        {
            resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
            why = provider.Name == "FileSystem" ? null : $"it names an item of the {provider.Name} provider, not a file-system folder";
        }
        catch (Exception e) when (e is SessionStateException or PSArgumentException or NotSupportedException or ArgumentException)
        {
            resolved = "";
            why = e.Message;
        }

        error = why is null ? null : Error(new ArgumentException($"{parameter} '{Core.Safety.UntrustedText.Escape(path, 300)}' cannot be used: {why}."),
            ErrorIds.ProviderNotFileSystem, ErrorCategory.InvalidArgument, path, $"Give {parameter} a file-system path, such as ./out or /data/fibersqs.");
        return error is null;
    }

    /// <summary>Builds an ErrorRecord with a stable id, category, target and a message that says what to do.</summary>
    protected static ErrorRecord Error(Exception exception, string errorId, ErrorCategory category, object? target, string? recommendedAction = null)
    {
        var record = new ErrorRecord(exception, errorId, category, target);
        if (recommendedAction is not null)
        {
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction };
        }

        return record;
    }

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class Progress(System.Collections.Concurrent.BlockingCollection<ProgressRecord> queue) : IProgress<ProgressRecord>
    {
        public void Report(ProgressRecord value)
        {
            try
            {
                queue.TryAdd(value);
            }
            catch (InvalidOperationException)
            {
                // The work finished; a report that arrives afterwards has nothing left to describe.
            }
        }
    }
}
