using System.Runtime.CompilerServices;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>
/// app_logs, the original's fill pattern (docs/data-contract.md): received, queued (api); orchestrated (orchestrator);
/// per attempt a dependency_call (orchestrator, cross-region only, WARN in a burst) and a worker_progress (worker, or
/// worker-retry for earlier attempts); then completed (api, 200, or 202 for retry status) or timeout (api, ERROR, 504
/// and its code) carrying the end-to-end latency, plus a retry row (WARN, no status, no code) after a timeout. A
/// cross-region transaction carries its dependency region, service and circuit on every row, and the dependency
/// latency (whole ms) on each dependency_call and on its final row. Timestamps are the host's clock: true time plus
/// the host's offset, the same for every row of the transaction, so its rows stay in order.
/// </summary>
internal sealed class AppLogTableWriter(CsvRowWriter csv, Story story)
{
    private const double None = double.NaN;
    private static readonly long WindowStart = Scenario.WindowStart.Ticks;
    private static readonly long WindowLast = Scenario.WindowEnd.Ticks - 10; // last whole microsecond

    public long Rows => csv.Rows;

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(Transaction tx)
    {
        var start = tx.StartTicks;
        Row(tx, start, V.Api, V.Info, Transaction.ApiSpan, V.Received, None, None, 0, default, V.MsgReceived);
        if (!Lost(tx, 1))
        {
            Row(tx, start + Transaction.MsToTicks(tx.QueueMs), V.Api, V.Info, Transaction.ApiSpan, V.Queued, None, None, 0, default, V.MsgQueued);
        }

        if (!Lost(tx, 2))
        {
            Row(tx, start + Transaction.MsToTicks(tx.QueueMs + tx.OrchestrateMs), V.Orchestrator, V.Info, Transaction.OrchestratorSpan,
                V.Orchestrated, None, None, 0, default, V.MsgOrchestrated);
        }

        for (var a = 0; a < tx.Attempts; a++)
        {
            var callEnd = tx.AttemptStartMs(a) + tx.DependencyMs[a];
            if (tx.CrossRegion)
            {
                Row(tx, start + Transaction.MsToTicks(callEnd), V.Orchestrator, CallLevel(tx, a),
                    Transaction.OrchestratorSpan, V.DependencyCall, tx.DependencyMs[a], None, 0, default, V.MsgDependencyCall);
            }

            var last = a == tx.Attempts - 1;
            if (Lost(tx, 3 + (ulong)a))
            {
                continue;
            }

            Row(tx, start + Transaction.MsToTicks(callEnd + tx.GapMs[a] * 0.5), last ? V.Worker : V.WorkerRetry, V.Info,
                Transaction.WorkerSpan, V.WorkerProgress, None, None, 0, default, V.MsgWorker);
        }

        var end = start + Transaction.MsToTicks(tx.EndToEndMs);
        var finalDependency = tx.CrossRegion ? tx.DependencyMs[tx.Attempts - 1] : None;
        if (tx.IsTimeout)
        {
            Row(tx, end, V.Api, V.Error, Transaction.ApiSpan, V.Timeout, finalDependency, tx.EndToEndMs, 504, ErrorCode(tx), V.MsgTimeout);
            Row(tx, end + Transaction.MsToTicks(tx.RetryRowDelayMs), V.Api, V.Warn, Transaction.ApiSpan, V.Retry, None, None, 0, default,
                V.MsgManualRetry);
            return;
        }

        var retryStatus = tx.Outcome == Outcome.RetryLater;
        Row(tx, end, V.Api, V.Info, Transaction.ApiSpan, V.Completed, finalDependency, tx.EndToEndMs, retryStatus ? 202 : 200, default,
            retryStatus ? V.MsgRetryStatus : tx.Retried ? V.MsgCompleted : V.MsgSuccess);
    }

    /// <summary>WARN on a burst-impacted call (classic), or on any call slower than <see cref="Story.WarnCallMultiple"/> × its
    /// base latency (standard, hard).</summary>
    private byte[] CallLevel(Transaction tx, int attempt) => story.ClassicSignals
        ? tx.BurstImpacted ? V.Warn : V.Info
        : tx.DependencyMs[attempt] >= Story.WarnCallMultiple * story.BaseLatency(tx.Type) ? V.Warn : V.Info;

    /// <summary>True when intermediate row <paramref name="row"/> of the transaction is lost (hard only; never the
    /// received, dependency-call, final or retry rows).</summary>
    private bool Lost(Transaction tx, ulong row) => story.LogLoss > 0 && Story.Draw(tx, 0x6C6F7373UL + row) < story.LogLoss;

    /// <summary>DEP_TIMEOUT or ORCH_TIMEOUT for a timeout, else empty (a retry-status transaction has no code).</summary>
    internal static ReadOnlySpan<byte> ErrorCode(Transaction tx) =>
        !tx.IsTimeout ? default : tx.CrossRegion ? V.DepTimeout : V.OrchTimeout;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Row(Transaction tx, long ticks, byte[] service, byte[] level, int span, byte[] evt, double dependencyMs,
        double endToEndMs, int httpStatus, ReadOnlySpan<byte> errorCode, byte[] message)
    {
        csv.TimestampMicros(Math.Clamp(ticks + tx.ClockOffsetTicks, WindowStart, WindowLast));
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
        if (tx.CrossRegion)
        {
            csv.Text(V.Regions[tx.DependencyRegion]);
            csv.Text(V.InventoryClient);
        }
        else
        {
            csv.Empty();
            csv.Empty();
        }

        if (double.IsNaN(dependencyMs))
        {
            csv.Empty();
        }
        else
        {
            csv.WholeNumber((long)Math.Round(dependencyMs));
        }

        if (double.IsNaN(endToEndMs))
        {
            csv.Empty();
        }
        else
        {
            csv.Fixed(endToEndMs, 3);
        }

        if (httpStatus == 0)
        {
            csv.Empty();
        }
        else
        {
            csv.WholeNumber(httpStatus);
        }

        csv.Text(errorCode);
        if (tx.CrossRegion)
        {
            csv.Text(tx.Circuit!.IdUtf8);
        }
        else
        {
            csv.Empty();
        }

        csv.Text(message);
        csv.EndRow();
    }
}
