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
    public static readonly IReadOnlyList<string> IncidentsGenerated = [NetworkCircuitDegradation];

    /// <summary>Difficulty levels (docs/scenarios.md: what a trainee can rely on at each).</summary>
    public const string Classic = "classic";
    public const string Standard = "standard";
    public const string Hard = "hard";
    public static readonly IReadOnlyList<string> Difficulties = [Classic, Standard, Hard];
    public static readonly IReadOnlyList<string> DifficultiesGenerated = Difficulties;
}
