using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>The numbers of the model (docs/model.md), in one place.</summary>
internal static class ModelParameters
{
    // Transaction type weights: index as Scenario.TransactionTypes.
    public static readonly double[] TypeWeightsCentral = [0.25, 0.18, 0.08, 0.17, 0.17, 0.10, 0.15];
    public static readonly double[] TypeWeightsElsewhere = [0.15, 0.12, 0.08, 0.17, 0.17, 0.10, 0.15];

    /// <summary>Service type per transaction type.</summary>
    public static readonly string[] ServiceTypes =
        ["fiber_sqs", "fiber_sqs", "fiber_tv", "fiber_sqs", "fiber_internet", "fiber_internet", "fiber_sqs"];

    public const double BaseLatencyAffectedMs = 420;
    public const double BaseLatencyOtherMs = 280;

    public const double CrossRegionShare = 0.08;

    // Dependency latency per call, × the base latency: the primary circuit outside bursts U(0.9, 1.6), in a burst
    // U(5, 12); the other circuits U(0.8, 1.8) (the original's range for them).
    public const double PrimaryDependencyMin = 0.9, PrimaryDependencyMax = 1.6;
    public const double BurstDependencyMin = 5, BurstDependencyMax = 12;
    public const double OtherDependencyMin = 0.8, OtherDependencyMax = 1.8;

    /// <summary>A local transaction that has not finished this long after it was received ends ORCH_TIMEOUT (504).</summary>
    public const double OrchestrationTimeoutMs = 3000;

    /// <summary>A dependency call that has not answered this long after it was sent is abandoned: DEP_TIMEOUT when it
    /// was the transaction's last attempt. Above the slowest answer a burst gives (12 × 420 ms), so every answered
    /// call is under it.</summary>
    public const double DependencyTimeoutMs = 6000;

    /// <summary>The api's 504 goes out this many ms (uniform) after the timeout fires.</summary>
    public const double TimeoutResponseMinMs = 1, TimeoutResponseMaxMs = 25;

    /// <summary>The client's retry row follows a timeout by this many ms (uniform).</summary>
    public const double RetryRowMinMs = 50, RetryRowMaxMs = 550;

    // Service time (the part of end-to-end latency outside dependency calls): log-normal, heavy-tailed so that
    // p99/p50 >= 5 outside incidents (the original's heavy-tail helper was never called).
    public const double ServiceTimeMu = -0.25;
    public const double ServiceTimeSigma = 0.85;

    /// <summary>Service time × U(min, max) of work stalled by saturated hosts or a regressed release in a burst: about
    /// 1.5 s for an impacted type at the median, and half of them run into the orchestration timeout (3 s), so the
    /// slice's mean latency is about 3× its baseline, as a failing circuit's retries make it.</summary>
    public const double StallServiceMin = 3, StallServiceMax = 7;

    public const double BaselineTimeout = 0.05;
    public const double BurstTimeout = 0.35;
    public const double ConfounderTimeout = 0.12;
    public const double RetryOutcomeShare = 0.08;
    public const double ConfounderRetryShare = 0.40;

    public const double TsoImpacted = 0.12;
    public const double TsoAffectedOther = 0.04;
    public const double TsoConfounder = 0.05;
    public const double TsoTimeout = 0.03;
    public const double TsoOther = 0.01;

    /// <summary>Of the calls the class probability gives a transaction the customer found fine (fast, completed),
    /// this share is made; the rest go to the next slow or failed transaction of the same class, so each class keeps
    /// its call volume while calls follow what customers lived (docs/data-contract.md, realism).</summary>
    public const double TsoFineKept = 0.15;

    public const double TsoMissingRate = 0.027;
    public const double TsoFabricatedRate = 0.0015;
    public const double TsoWrongLinkRate = 0.005;

    public const int CustomersPerRegion = 2_000_000;

    /// <summary>Seconds at the end of the window that every transaction (and its trailing retry row) must leave.</summary>
    public const double EndGuardSeconds = 1.2;
}
