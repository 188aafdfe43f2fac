using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>One host's fixed traits: its clock's error and how its metrics respond to load.</summary>
internal sealed record HostTraits(double ClockBaseMs, double ClockDriftMsPerWeek, double CpuIdle, double CpuPerLoad,
    double MemBase, double DiskBase);
