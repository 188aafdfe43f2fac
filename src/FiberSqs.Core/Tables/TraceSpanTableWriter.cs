using System.Runtime.CompilerServices;
using FiberSqs.Core.Generation;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>
/// trace_spans: api "POST /fiber/txn" (root), orchestrator "coordinate", worker "apply", and an inventory-client
/// "HTTP POST" per attempt with the circuit id when the transaction crosses regions. Every span carries the caller's
/// region (the inventory-client span is the caller's client span). A timeout puts the root, the worker and the last
/// inventory-client span in error; the orchestrator span stays ok; an attempt that was retried failed, so its span is
/// in error too. True time (spans come from the tracer, not the host clock).
/// </summary>
internal sealed class TraceSpanTableWriter(CsvRowWriter csv, Story story)
{
    public long Rows => csv.Rows;

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(Transaction tx)
    {
        if (story.TraceSampling < 1 && Story.Draw(tx, 0x7472616365UL) >= story.TraceSampling)
        {
            return; // not sampled (hard): the transaction's logs stay, its trace is not kept
        }

        var start = tx.StartTicks;
        var failed = tx.IsTimeout;
        Row(tx, start, Transaction.ApiSpan, -1, tx.Region, V.Api, V.PostFiberTxn, tx.EndToEndMs, failed, null);
        Row(tx, start + Transaction.MsToTicks(tx.QueueMs), Transaction.OrchestratorSpan, Transaction.ApiSpan, tx.Region,
            V.Orchestrator, V.Coordinate, tx.EndToEndMs - tx.QueueMs, false, null);
        var workStart = tx.AttemptStartMs(tx.Attempts);
        Row(tx, start + Transaction.MsToTicks(workStart), Transaction.WorkerSpan, Transaction.OrchestratorSpan, tx.Region,
            V.Worker, V.Apply, tx.ServiceMs, failed, null);
        if (!tx.CrossRegion)
        {
            return;
        }

        for (var a = 0; a < tx.Attempts; a++)
        {
            // Every attempt but the last was abandoned; the last fails when the transaction timed out.
            var attemptFailed = a < tx.Attempts - 1 || failed;
            Row(tx, start + Transaction.MsToTicks(tx.AttemptStartMs(a)), Transaction.FirstDependencySpan + a,
                Transaction.OrchestratorSpan, tx.Region, V.InventoryClient, V.HttpPost, tx.DependencyMs[a],
                attemptFailed, tx.Circuit!.IdUtf8);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Row(Transaction tx, long ticks, int span, int parent, int region, byte[] service, byte[] operation,
        double durationMs, bool failed, byte[]? circuit)
    {
        csv.TimestampMicros(ticks);
        csv.Text(tx.TraceIdText);
        csv.Text(tx.SpanIdText[span]);
        if (parent < 0)
        {
            csv.Empty();
        }
        else
        {
            csv.Text(tx.SpanIdText[parent]);
        }

        csv.Text(tx.Id);
        csv.Text(V.Regions[region]);
        csv.Text(service);
        csv.Text(operation);
        csv.Fixed(durationMs, 3);
        csv.Text(failed ? V.ErrorStatus : V.Ok);
        if (circuit is null)
        {
            csv.Empty();
        }
        else
        {
            csv.Text(circuit);
        }

        csv.EndRow();
    }
}
