namespace FiberSqs.Core.Scenarios;

/// <summary>The names a scenario file may use.</summary>
internal static class ScenarioKinds
{
    public const string NetworkCircuitDegradation = "network_circuit_degradation";
    public const string HostSaturation = "host_saturation";
    public const string DependencyOutage = "dependency_outage";
    public const string DeploymentRegression = "deployment_regression";

    /// <summary>Every incident kind of the contract, in documentation order.</summary>
    public static readonly IReadOnlyList<string> All = [NetworkCircuitDegradation, HostSaturation, DependencyOutage, DeploymentRegression];

    /// <summary>The incident kinds this version generates.</summary>
    public static readonly IReadOnlyList<string> IncidentsGenerated = All;

    /// <summary>The dependency service a dependency_outage takes down (the app logs' dependency_service).</summary>
    public const string DependencyService = "inventory-client";

    /// <summary>The service whose release regresses in a deployment_regression: the worker, whose processing time
    /// (its spans, the transactions' latency) the release slows.</summary>
    public const string RegressedService = "worker";

    /// <summary>Hosts a host_saturation saturates: a few of one region's.</summary>
    public const int MinSaturatedHosts = 1, MaxSaturatedHosts = 4;

    /// <summary>A confounder's <c>Component</c> word, by kind (the answer key's confounders[].component).</summary>
    public static string ConfounderComponent(string kind) => kind switch
    {
        NetworkCircuitDegradation => "network",
        HostSaturation => "infra",
        DependencyOutage => "dependency",
        DeploymentRegression => "app",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a confounder kind"),
    };

    /// <summary>The kind a confounder's component word stands for (the inverse of <see cref="ConfounderComponent"/>),
    /// or null for a word that is none of them.</summary>
    public static string? OfConfounderComponent(string? component) => component switch
    {
        "network" => NetworkCircuitDegradation,
        "infra" => HostSaturation,
        "dependency" => DependencyOutage,
        "app" => DeploymentRegression,
        _ => null,
    };

    /// <summary>Saturated hosts and a regressed release stall the work in its own region: longer processing and
    /// orchestration timeouts, no dependency trouble, so their mark is end-to-end latency, capped by the timeout.</summary>
    public static bool StallsLocally(string kind) => kind is HostSaturation or DeploymentRegression;

    /// <summary>A variant's confounder name after its region and kind (the classic's words for the classic's kinds).</summary>
    public static string ConfounderName(string region, string kind) => region + kind switch
    {
        NetworkCircuitDegradation => "_network_slowdown",
        HostSaturation => "_cpu_spike",
        DependencyOutage => "_dependency_slowdown",
        _ => "_deployment_blip",
    };

    /// <summary>The answer key's root_cause_type for an incident kind (the original wrote <c>network</c>).</summary>
    public static string RootCauseType(string kind) => kind switch
    {
        NetworkCircuitDegradation => "network",
        HostSaturation => "infra",
        DependencyOutage => "dependency",
        DeploymentRegression => "app",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an incident kind"),
    };

    /// <summary>Difficulty levels (docs/scenarios.md: what a trainee can rely on at each).</summary>
    public const string Classic = "classic";
    public const string Standard = "standard";
    public const string Hard = "hard";
    public static readonly IReadOnlyList<string> Difficulties = [Classic, Standard, Hard];
    public static readonly IReadOnlyList<string> DifficultiesGenerated = Difficulties;
}
