using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>One planned network event, and what it does to its circuit's metrics for <see cref="Minutes"/> minutes.</summary>
internal sealed record PlannedNetworkEvent(long Ticks, string Type, Circuit Circuit, string Severity, string Description,
    int Minutes, double LossFactor, double RetransmitFactor, double ThroughputFactor);
