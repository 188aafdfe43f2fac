using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Generation;

/// <summary>
/// Runs the hour-shards on every core and appends their bytes to the table files strictly in shard order.
/// A semaphore bounds how far workers run ahead of the writer, so memory stays bounded at any scale. Buffers are
/// pooled per table, so each keeps the capacity its table's hour needs (an app-log hour is a hundred times a metric
/// table's: a shared pool had buffers grow, copy and fault in fresh memory over and over). A buffer handed back
/// smaller than the largest hour its table has needed is given that size at once (empty, so nothing is copied),
/// and a new one starts at it: an hour's bytes are written once, not copied again at every doubling.
/// </summary>
internal sealed class ShardPipeline(GenerationContext context, IReadOnlyList<TableSchema> tables)
{
    private readonly Dictionary<TableSchema, ConcurrentQueue<MemoryStream>> _pools = tables.ToDictionary(t => t, _ => new ConcurrentQueue<MemoryStream>());
    private readonly Dictionary<TableSchema, StrongBox<int>> _largest = tables.ToDictionary(t => t, _ => new StrongBox<int>(1 << 16));

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

                    var output = new ShardOutput(shard, tables, Rent);
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
                    foreach (var (table, buffer) in inOrder.Buffers)
                    {
                        Return(table, buffer);
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
        // The pools' buffers are a few hundred MB at the full default: let them go now.
        foreach (var pool in _pools.Values)
        {
            pool.Clear();
        }

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

    private MemoryStream Rent(TableSchema table) =>
        _pools[table].TryDequeue(out var stream) ? stream : new MemoryStream(Volatile.Read(ref _largest[table].Value));

    /// <summary>On the writer's thread only (the one that updates the largest size).</summary>
    private void Return(TableSchema table, MemoryStream stream)
    {
        var largest = _largest[table];
        if (stream.Length > largest.Value)
        {
            // A little headroom over the largest hour so far: the next, a bit larger, does not double the buffer.
            Volatile.Write(ref largest.Value, (int)Math.Min(Array.MaxLength, stream.Length + stream.Length / 8));
        }

        stream.SetLength(0);
        if (stream.Capacity < largest.Value)
        {
            stream.Capacity = largest.Value;
        }

        _pools[table].Enqueue(stream);
    }
}
