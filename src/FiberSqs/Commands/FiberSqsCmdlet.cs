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

    /// <summary>
    /// The one way FiberSqs cmdlets run engine work: on a worker thread, while this (pipeline) thread writes what the
    /// work says through <see cref="WorkerOutput"/> (progress, verbose, warnings). Every progress activity it showed ends
    /// with a Completed record. On Ctrl+C the work is cancelled (<see cref="CancelToken"/>), what it still says is
    /// drained, and the worker is awaited before the stop goes on, so the engine always finishes its own cleaning up
    /// (a staging folder rolled back, staging tables dropped) before the pipeline unwinds. The work's exception, if
    /// any, is rethrown here as it was thrown.
    /// </summary>
    protected T RunWork<T>(Func<WorkerOutput, CancellationToken, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var output = new WorkerOutput();
        var task = Task.Run(async () =>
        {
            try
            {
                return await work(output, CancelToken).ConfigureAwait(false);
            }
            finally
            {
                output.Complete();
            }
        });

        var activities = new Dictionary<int, ProgressRecord>();
        try
        {
            foreach (var item in output.Queue.GetConsumingEnumerable())
            {
                switch (item)
                {
                    case ProgressRecord record:
                        activities[record.ActivityId] = record;
                        WriteProgress(record);
                        break;
                    case WorkerOutput.VerboseMessage verbose:
                        WriteVerbose(verbose.Text);
                        break;
                    case WorkerOutput.WarningMessage warning:
                        WriteWarning(warning.Text);
                        break;
                }
            }
        }
        catch (PipelineStoppedException)
        {
            // Ctrl+C: writing now throws. Let the work see its cancelled token and clean up, then stop.
            Drain(output, task);
            throw;
        }
        finally
        {
            try
            {
                foreach (var record in activities.Values.OrderByDescending(r => r.ParentActivityId))
                {
                    WriteProgress(new ProgressRecord(record.ActivityId, record.Activity, "Done")
                    {
                        ParentActivityId = record.ParentActivityId,
                        RecordType = ProgressRecordType.Completed,
                    });
                }
            }
            catch (PipelineStoppedException)
            {
            }
        }

        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancelToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>As <see cref="RunWork{T}(Func{WorkerOutput, CancellationToken, Task{T}})"/>, for synchronous engine work.</summary>
    protected T RunWork<T>(Func<WorkerOutput, CancellationToken, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunWork((output, cancel) => Task.FromResult(work(output, cancel)));
    }

    private static void Drain(WorkerOutput output, Task task)
    {
        foreach (var _ in output.Queue.GetConsumingEnumerable())
        {
        }

        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // the work was cancelled or failed on the way out: the stop is what the user asked for
        }
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
}
