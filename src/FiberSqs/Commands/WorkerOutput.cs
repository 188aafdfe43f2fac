using System.Collections.Concurrent;
using System.Management.Automation;

namespace FiberSqs.Commands;

/// <summary>
/// What work running off the pipeline thread may say: progress, verbose and warning records, queued for the pipeline
/// thread (the only one that may write them). Thread-safe; records arriving after the work ended are dropped.
/// </summary>
public sealed class WorkerOutput
{
    private readonly BlockingCollection<object> _queue = [];

    internal BlockingCollection<object> Queue => _queue;

    public void Progress(ProgressRecord record) => Add(record);

    public void Verbose(string message) => Add(new VerboseMessage(message));

    public void Warning(string message) => Add(new WarningMessage(message));

    /// <summary>An <see cref="IProgress{T}"/> for the engine that turns each report into a progress record, synchronously
    /// on the reporting thread (Progress&lt;T&gt; posts to the thread pool and can arrive after the work).</summary>
    public IProgress<T> ProgressOf<T>(Func<T, ProgressRecord> toRecord) => new Forwarding<T>(value => Progress(toRecord(value)));

    /// <summary>As <see cref="ProgressOf{T}(Func{T, ProgressRecord})"/>, for a report that may say several things (records and verbose lines).</summary>
    public IProgress<T> ProgressOf<T>(Action<T, WorkerOutput> show) => new Forwarding<T>(value => show(value, this));

    internal void Complete() => _queue.CompleteAdding();

    private void Add(object item)
    {
        try
        {
            _queue.TryAdd(item);
        }
        catch (InvalidOperationException)
        {
            // The work has ended: a late report has nothing left to describe.
        }
    }

    internal sealed record VerboseMessage(string Text);

    internal sealed record WarningMessage(string Text);

    private sealed class Forwarding<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
