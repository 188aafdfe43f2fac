namespace FiberSqs.Core.Scenarios;

/// <summary>The incident a scenario plants (docs/scenarios.md): what fails, where, for which transaction types, when.</summary>
/// <param name="Kind">One of <see cref="ScenarioKinds.All"/>.</param>
/// <param name="Component">What fails. network_circuit_degradation: the circuit's id (<c>CKT-&lt;SRC&gt;-&lt;DST&gt;-&lt;NNN&gt;</c>);
/// host_saturation: the saturated hosts of the source region, comma-separated; dependency_outage: the dependency
/// service (<see cref="ScenarioKinds.DependencyService"/>) of the destination region; deployment_regression: the
/// released service (<see cref="ScenarioKinds.RegressedService"/>) of the source region.</param>
/// <param name="SourceRegion">Where the impacted transactions start (the circuit's source, the saturated hosts' or the
/// regressed release's region, the failing dependency's heaviest callers).</param>
/// <param name="DestinationRegion">The region whose dependency the impacted types call (over the circuit; the failing
/// dependency's region).</param>
/// <param name="TransactionTypes">The impacted transaction types.</param>
/// <param name="Start">The first burst (UTC).</param>
/// <param name="End">After the last burst.</param>
/// <param name="FixTime">When the traffic is rerouted onto the healthy circuit.</param>
internal sealed record IncidentPlan(
    string Kind,
    string Component,
    string SourceRegion,
    string DestinationRegion,
    IReadOnlyList<string> TransactionTypes,
    DateTime Start,
    DateTime End,
    DateTime FixTime)
{
    /// <summary>host_saturation: the saturated hosts (empty for the other kinds).</summary>
    public IReadOnlyList<string> Hosts => Kind == ScenarioKinds.HostSaturation
        ? [.. Component.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
        : [];
}
