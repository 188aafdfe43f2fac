using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>
/// app_logs: received, queued, orchestrated; per attempt a dependency_call (cross-region only, WARN in a burst)
/// and a worker_progress (worker, or worker-retry for earlier attempts); then completed or timeout carrying the
/// end-to-end latency, plus a retry row after a timeout. Timestamps carry a clock skew of U[-500, 500] ms.
/// </summary>
internal sealed class AppLogTableWriter(CsvRowWriter csv)
{
    private static readonly long WindowStart = Scenario.WindowStart.Ticks;
    private static readonly long WindowLast = Scenario.WindowEnd.Ticks - 10; // last whole microsecond

    public long Rows => csv.Rows;

    public void Write(Transaction tx, ref Prng skew)
    {
        var start = tx.StartTicks;
        var received = V.MsgReceived[tx.Type];
        Row(tx, ref skew, start, V.Api, V.Info, Transaction.ApiSpan, V.Received, received);
        Row(tx, ref skew, start + Transaction.MsToTicks(tx.QueueMs), V.Orchestrator, V.Info, Transaction.OrchestratorSpan, V.Queued, V.MsgQueued);
        Row(tx, ref skew, start + Transaction.MsToTicks(tx.QueueMs + tx.OrchestrateMs), V.Orchestrator, V.Info,
            Transaction.OrchestratorSpan, V.Orchestrated, V.MsgOrchestrated);

        for (var a = 0; a < tx.Attempts; a++)
        {
            var callEnd = tx.AttemptStartMs(a) + tx.DependencyMs[a];
            if (tx.CrossRegion)
            {
                Begin(tx, ref skew, start + Transaction.MsToTicks(callEnd), V.Orchestrator, tx.BurstImpacted ? V.Warn : V.Info,
                    Transaction.OrchestratorSpan, V.DependencyCall);
                csv.Text(V.Regions[tx.DependencyRegion]);
                csv.Text(V.InventoryClient);
                csv.Fixed(tx.DependencyMs[a], 3);
                csv.Empty();
                csv.Empty();
                csv.Empty();
                csv.Text(tx.Circuit!.IdUtf8);
                csv.Text(tx.BurstImpacted ? V.MsgDependencySlow[tx.DependencyRegion] : V.MsgDependencyOk[tx.DependencyRegion]);
                csv.EndRow();
            }

            var last = a == tx.Attempts - 1;
            Row(tx, ref skew, start + Transaction.MsToTicks(callEnd + tx.GapMs[a] * 0.5), last ? V.Worker : V.WorkerRetry, V.Info,
                Transaction.WorkerSpan, V.WorkerProgress, last ? V.MsgWorker : V.MsgWorkerRetry);
        }

        var end = start + Transaction.MsToTicks(tx.EndToEndMs);
        var timeout = tx.IsTimeout;
        Begin(tx, ref skew, end, V.Api, timeout ? V.Error : V.Info, Transaction.ApiSpan, timeout ? V.Timeout : V.Completed);
        csv.Empty();
        csv.Empty();
        csv.Empty();
        csv.Fixed(tx.EndToEndMs, 3);
        csv.WholeNumber(timeout ? 504 : tx.Outcome == Outcome.RetryLater ? 202 : 200);
        csv.Text(ErrorCode(tx));
        csv.Empty();
        csv.Text(timeout ? (tx.CrossRegion ? V.MsgDepTimeout : V.MsgOrchTimeout)
            : tx.Outcome == Outcome.RetryLater ? V.MsgAccepted : V.MsgCompleted);
        csv.EndRow();

        if (timeout)
        {
            Begin(tx, ref skew, end + TimeSpan.TicksPerMillisecond * (50 + (long)(skew.NextDouble() * 500)), V.Api, V.Warn,
                Transaction.ApiSpan, V.Retry);
            csv.Empty();
            csv.Empty();
            csv.Empty();
            csv.Empty();
            csv.WholeNumber(202);
            csv.Text(ErrorCode(tx));
            csv.Empty();
            csv.Text(V.MsgRetry);
            csv.EndRow();
        }
    }

    internal static ReadOnlySpan<byte> ErrorCode(Transaction tx) => tx.Outcome switch
    {
        Outcome.Timeout => tx.CrossRegion ? V.DepTimeout : V.OrchTimeout,
        Outcome.RetryLater => V.RetryPending,
        _ => default,
    };

    private void Row(Transaction tx, ref Prng skew, long ticks, byte[] service, byte[] level, int span, byte[] evt, byte[] message)
    {
        Begin(tx, ref skew, ticks, service, level, span, evt);
        for (var i = 0; i < 7; i++)
        {
            csv.Empty();
        }

        csv.Text(message);
        csv.EndRow();
    }

    /// <summary>The first twelve columns, timestamp to event.</summary>
    private void Begin(Transaction tx, ref Prng skew, long ticks, byte[] service, byte[] level, int span, byte[] evt)
    {
        var skewed = ticks + (long)((skew.NextDouble() - 0.5) * 1000 * TimeSpan.TicksPerMillisecond);
        csv.TimestampMicros(Math.Clamp(skewed, WindowStart, WindowLast));
        csv.Text(V.Regions[tx.Region]);
        csv.Text(V.Clusters[tx.Region]);
        csv.Text(service);
        csv.Text(V.Hosts[tx.Region][tx.Host]);
        csv.Text(level);
        csv.Text(tx.Id);
        csv.Text(tx.TraceIdText);
        csv.Text(tx.SpanIdText[span]);
        csv.Text(tx.CustomerText);
        csv.Text(V.Types[tx.Type]);
        csv.Text(evt);
    }
}
