namespace FiberSqs.Core.Generation;

/// <summary>
/// One sampled transaction with its whole timeline; every table writer reads from it. Reused for each
/// transaction of a shard (the hot path allocates nothing per transaction).
/// </summary>
internal sealed class Transaction
{
    public const int MaxAttempts = 4;

    public long Seq;
    public int Region;
    public int Type;
    public int Customer;
    public int Host;
    public bool CrossRegion;
    public int DependencyRegion;
    public Circuit? Circuit;
    public bool BurstImpacted;
    public bool Confounder;
    public int Attempts;
    public Outcome Outcome;
    public ulong TraceId;

    public long StartTicks;
    public double QueueMs;
    public double OrchestrateMs;
    public readonly double[] DependencyMs = new double[MaxAttempts];
    public readonly double[] GapMs = new double[MaxAttempts];
    public double ServiceMs;
    public double EndToEndMs;

    /// <summary>The host clock's error at the start (every app-log row of the transaction carries it, so its rows stay in order).</summary>
    public long ClockOffsetTicks;

    /// <summary>After a timeout, how long until the client's retry row.</summary>
    public double RetryRowDelayMs;

    /// <summary>TX-yyyyMMddHHmmss-NNNNNNN as UTF-8.</summary>
    public readonly byte[] Id = new byte[Utf8Text.TransactionIdLength];

    /// <summary>tr + 12 hex, sp + 12 hex per span (0 api, 1 orchestrator, 2 worker, 3.. dependency attempts), CUST-NNNNNNNN.</summary>
    public readonly byte[] TraceIdText = new byte[14];
    public readonly byte[][] SpanIdText = [.. Enumerable.Range(0, 3 + MaxAttempts).Select(_ => new byte[14])];
    public readonly byte[] CustomerText = new byte[13];

    public const int ApiSpan = 0, OrchestratorSpan = 1, WorkerSpan = 2, FirstDependencySpan = 3;

    public long EndTicks => StartTicks + MsToTicks(EndToEndMs);

    public bool IsTimeout => Outcome == Outcome.Timeout;

    /// <summary>True time of the last row the transaction logs (the retry row after a timeout, else the final row).</summary>
    public long LastRowTicks => EndTicks + (IsTimeout ? MsToTicks(RetryRowDelayMs) : 0);

    /// <summary>Made more than one attempt.</summary>
    public bool Retried => Attempts > 1;

    public static long MsToTicks(double ms) => (long)(ms * TimeSpan.TicksPerMillisecond);

    /// <summary>Start of attempt a's dependency call, in ms after the start.</summary>
    public double AttemptStartMs(int attempt)
    {
        var t = QueueMs + OrchestrateMs;
        for (var a = 0; a < attempt; a++)
        {
            t += DependencyMs[a] + GapMs[a];
        }

        return t;
    }

    public string IdString => System.Text.Encoding.ASCII.GetString(Id);
}
