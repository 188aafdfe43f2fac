using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>The fixed words of the data, pre-encoded as UTF-8 so the hot path never transcodes.</summary>
internal static class Vocabulary
{
    private static byte[] B(string s) => Utf8Text.Bytes(s);

    public static readonly byte[][] Regions = [.. Scenario.Regions.Select(B)];
    public static readonly byte[][] Clusters = [.. Scenario.Regions.Select(r => B($"fibersqs-{r}-prod"))];
    public static readonly byte[][] Types = [.. Scenario.TransactionTypes.Select(B)];
    public static readonly byte[][] ServiceTypes = [.. ModelParameters.ServiceTypes.Select(B)];

    /// <summary>[region][1..12]: one host inventory for app logs and infra metrics.</summary>
    public static readonly byte[][][] Hosts =
        [.. Scenario.Regions.Select(r => Enumerable.Range(0, Scenario.HostsPerRegion + 1).Select(n => B(Scenario.HostName(r, n))).ToArray())];

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
    public static readonly byte[] RetryPending = B("RETRY_PENDING");

    public static readonly byte[] PostFiberTxn = B("POST /fiber/txn");
    public static readonly byte[] Coordinate = B("coordinate");
    public static readonly byte[] Apply = B("apply");
    public static readonly byte[] HttpPost = B("HTTP POST");
    public static readonly byte[] Ok = B("ok");
    public static readonly byte[] ErrorStatus = B("error");

    // Log messages: [type] for the per-transaction ones, [region] for dependency calls.
    public static readonly byte[][] MsgReceived = [.. Scenario.TransactionTypes.Select(t => B($"request received: {t}"))];
    public static readonly byte[] MsgQueued = B("request queued for orchestration");
    public static readonly byte[] MsgOrchestrated = B("orchestration plan built");
    public static readonly byte[][] MsgDependencyOk = [.. Scenario.Regions.Select(r => B($"inventory-client call to {r} returned"))];
    public static readonly byte[][] MsgDependencySlow = [.. Scenario.Regions.Select(r => B($"inventory-client call to {r} slow, retrying"))];
    public static readonly byte[] MsgWorker = B("worker applied change");
    public static readonly byte[] MsgWorkerRetry = B("worker attempt abandoned, retrying");
    public static readonly byte[] MsgCompleted = B("transaction completed");
    public static readonly byte[] MsgAccepted = B("transaction accepted, completion pending");
    public static readonly byte[] MsgDepTimeout = B("dependency call timed out");
    public static readonly byte[] MsgOrchTimeout = B("orchestration timed out");
    public static readonly byte[] MsgRetry = B("client retry scheduled");
}
