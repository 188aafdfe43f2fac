using FiberSqs.Core.Model;

namespace FiberSqs.Core.Reporting;

/// <summary>One red herring as the debrief tells it: its name, kind (host_saturation, deployment_regression, ...),
/// component, region, window, the answer key's description and its measured effect.</summary>
internal sealed record DebriefConfounder(string Name, string Kind, string Component, string Region, TimeWindow Window,
    string Description, ConfounderObservations? Observed);
