namespace FiberSqs.Core.Scenarios;

/// <summary>A red herring: a real, smaller disturbance in one region for a while (docs/scenarios.md).</summary>
/// <param name="Name">Its name in the answer key (<c>central_cpu_spike</c>, <c>west_deployment_blip</c>, ...).</param>
/// <param name="Kind"><c>host_saturation</c> (first confounder) or <c>deployment_regression</c> (second).</param>
/// <param name="Region">The one region it touches.</param>
/// <param name="Start">Its window's start (UTC).</param>
/// <param name="End">Its window's end.</param>
/// <param name="Component">What it touches: <c>infra</c> (the region's hosts) or <c>app</c> (the region's release).</param>
internal sealed record ConfounderPlan(string Name, string Kind, string Region, string Component, DateTime Start, DateTime End);
