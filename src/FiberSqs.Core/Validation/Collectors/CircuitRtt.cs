using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>RTT of one circuit: in burst minutes, outside them (baseline), and during the central CPU spike.</summary>
internal sealed class CircuitRtt(string circuit)
{
    public string Circuit { get; } = circuit;
    public RunningMean Burst;
    public RunningMean Baseline;
    public RunningMean CpuSpike;
    public double CpuSpikeMax = double.NegativeInfinity;

    /// <summary>In the network confounder's window, and at the same time of the other days.</summary>
    public RunningMean RegionalInside;
    public RunningMean RegionalOutside;
}
