using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>The fixed words of the data, pre-encoded as UTF-8 so the hot path never transcodes.</summary>
internal static class Vocabulary
{
    private static byte[] B(string s) => Utf8Text.Bytes(s);

    public static readonly byte[][] Regions = [.. Scenario.Regions.Select(B)];
    public static readonly byte[][] Clusters = [.. Scenario.Regions.Select(r => B($"fibersqs-prod-{r}"))];
    public static readonly byte[][] Types = [.. Scenario.TransactionTypes.Select(B)];
    public static readonly byte[][] ServiceTypes = [.. ModelParameters.ServiceTypes.Select(B)];

    /// <summary>[region][1..n]: one host inventory for app logs and infra metrics.</summary>
    public static readonly byte[][][] Hosts =
        [.. Scenario.Regions.Select((r, i) => Enumerable.Range(0, Scenario.HostsPerRegion[i] + 1).Select(n => B(Scenario.HostName(r, n))).ToArray())];

    public static readonly byte[] Api = B("api");
    public static readonly byte[] Orchestrator = B("orchestrator");
    public static readonly byte[] Worker = B("worker");
    public static readonly byte[] WorkerRetry = B("worker-retry");
    public static readonly byte[] InventoryClient = B("inventory-client");

    public static readonly byte[] Info = B("INFO");
    public static readonly byte[] Warn = B("WARN");
    public static readonly byte[] Error = B("ERROR");

    public static readonly byte[] Received = B("received");
    public static readonly byte[] Queued = B("queued");
    public static readonly byte[] Orchestrated = B("orchestrated");
    public static readonly byte[] DependencyCall = B("dependency_call");
    public static readonly byte[] WorkerProgress = B("worker_progress");
    public static readonly byte[] Completed = B("completed");
    public static readonly byte[] Timeout = B("timeout");
    public static readonly byte[] Retry = B("retry");

    public static readonly byte[] DepTimeout = B("DEP_TIMEOUT");
    public static readonly byte[] OrchTimeout = B("ORCH_TIMEOUT");

    public static readonly byte[] PostFiberTxn = B("POST /fiber/txn");
    public static readonly byte[] Coordinate = B("coordinate");
    public static readonly byte[] Apply = B("apply");
    public static readonly byte[] HttpPost = B("HTTP POST");
    public static readonly byte[] Ok = B("ok");
    public static readonly byte[] ErrorStatus = B("error");

    // Log messages: the original generator's vocabulary, which exercise material searches for.
    public static readonly byte[] MsgReceived = B("request received");
    public static readonly byte[] MsgQueued = B("queued for orchestrator");
    public static readonly byte[] MsgOrchestrated = B("routing transaction");
    public static readonly byte[] MsgDependencyCall = B("dependency call");
    public static readonly byte[] MsgWorker = B("worker progressing");

    /// <summary>Final row: completed at the first attempt.</summary>
    public static readonly byte[] MsgSuccess = B("success");

    /// <summary>Final row: completed after retries.</summary>
    public static readonly byte[] MsgCompleted = B("completed");

    /// <summary>Final row: accepted (HTTP 202), to be retried later.</summary>
    public static readonly byte[] MsgRetryStatus = B("retry");
    public static readonly byte[] MsgTimeout = B("timeout");

    /// <summary>The retry row after a timeout.</summary>
    public static readonly byte[] MsgManualRetry = B("queued for manual retry");
}
