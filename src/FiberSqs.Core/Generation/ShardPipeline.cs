using System.Collections.Concurrent;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Generation;

/// <summary>
/// Runs the hour-shards on every core and appends their bytes to the table files strictly in shard order.
/// A semaphore bounds how far workers run ahead of the writer, so memory stays bounded at any scale. Each shard's
/// tables are written into <see cref="ShardBuffer"/>s whose blocks come from one <see cref="BlockPool"/> and go back
/// to it once the shard is on disk: an hour's bytes are written once and never moved, whatever its size.
/// </summary>
internal sealed class ShardPipeline(GenerationContext context, IReadOnlyList<TableSchema> tables)
{
    private readonly BlockPool _blocks = new();

    /// <summary>Generates every shard; <paramref name="inspect"/> (when given) sees each on the worker that generated it,
    /// in any order, and <paramref name="consume"/> gets them one by one in order on this thread.</summary>
    public void Run(int workers, Action<ShardOutput> consume, CancellationToken cancel, Action<ShardOutput, CancellationToken>? inspect = null)
    {
        var shards = ArrivalPlan.Shards;
        using var window = new SemaphoreSlim(workers * 2);
        using var ready = new BlockingCollection<ShardOutput>();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var done = new ConcurrentDictionary<int, ShardOutput>();
        var next = -1;

        var tasks = Enumerable.Range(0, workers).Select(_ => Task.Factory.StartNew(() =>
        {
            try
            {
                var generator = new ShardGenerator(context);
                while (true)
                {
                    window.Wait(failed.Token);
                    var shard = Interlocked.Increment(ref next);
                    if (shard >= shards)
                    {
                        return;
                    }

                    var output = new ShardOutput(shard, tables, () => new ShardBuffer(_blocks));
                    generator.Run(output, failed.Token);
                    inspect?.Invoke(output, failed.Token);
                    ready.Add(output, failed.Token);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Cancel(); // stop the others and the writer: nothing waits for a shard that will never come
                throw;
            }
        }, failed.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        var expected = 0;
        try
        {
            while (expected < shards)
            {
                var output = ready.Take(failed.Token);
                done[output.Shard] = output;
                while (done.TryRemove(expected, out var inOrder))
                {
                    consume(inOrder);
                    foreach (var buffer in inOrder.Buffers.Values)
                    {
                        buffer.Release();
                    }

                    expected++;
                    window.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Cancelled by the user or by a failed worker: which one is decided below.
        }
        catch
        {
            failed.Cancel(); // the writer failed (disk full, ...): stop the workers, then report it
            WaitQuietly(tasks);
            throw;
        }

        WaitQuietly(tasks);
        // The pool's blocks are a few hundred MB at the full default: let them go now.
        _blocks.Clear();

        var fault = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerExceptions[0]).FirstOrDefault();
        if (fault is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(fault);
        }

        cancel.ThrowIfCancellationRequested();
    }

    private static void WaitQuietly(Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            // Inspected by the caller.
        }
    }
}
