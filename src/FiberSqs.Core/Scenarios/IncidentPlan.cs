namespace FiberSqs.Core.Scenarios;

/// <summary>The incident a scenario plants (docs/scenarios.md): what fails, where, for which transaction types, when.</summary>
/// <param name="Kind">One of <see cref="ScenarioKinds.All"/>; this version generates <c>network_circuit_degradation</c>.</param>
/// <param name="Component">The failing circuit's id (<c>CKT-&lt;SRC&gt;-&lt;DST&gt;-&lt;NNN&gt;</c>).</param>
/// <param name="SourceRegion">Where the impacted transactions start (the circuit's source).</param>
/// <param name="DestinationRegion">The region whose dependency they call over the circuit.</param>
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
    DateTime FixTime);
