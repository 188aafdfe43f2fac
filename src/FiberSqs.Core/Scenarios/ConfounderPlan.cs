namespace FiberSqs.Core.Scenarios;

/// <summary>A red herring: a real, smaller disturbance in one region for a while (docs/scenarios.md).</summary>
/// <param name="Name">Its name in the answer key (<c>central_cpu_spike</c>, <c>west_deployment_blip</c>, ...).</param>
/// <param name="Kind">Any incident kind, as a smaller disturbance of a whole region: <c>host_saturation</c> (every host of
/// the region), <c>deployment_regression</c> (the region's release), <c>network_circuit_degradation</c> (every circuit out
/// of the region), <c>dependency_outage</c> (the region's dependency, for every caller).</param>
/// <param name="Region">The one region it touches.</param>
/// <param name="Start">Its window's start (UTC).</param>
/// <param name="End">Its window's end.</param>
/// <param name="Component">What it touches, by kind (<see cref="ScenarioKinds.ConfounderComponent"/>): <c>infra</c>,
/// <c>app</c>, <c>network</c> or <c>dependency</c>.</param>
internal sealed record ConfounderPlan(string Name, string Kind, string Region, string Component, DateTime Start, DateTime End);
