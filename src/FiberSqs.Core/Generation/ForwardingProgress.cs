namespace FiberSqs.Core.Generation;

/// <summary>Reports synchronously, on the reporting thread (unlike Progress&lt;T&gt;, which posts to the thread pool and
/// can arrive after the work has finished).</summary>
internal sealed class ForwardingProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
