using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>One region's host metrics inside the two confounder windows and at the same time of day on the other
/// days (host metrics follow the daily traffic, so that is the fair baseline), and its highest CPU.</summary>
internal sealed class RegionHostStats(string region)
{
    public string Region { get; } = region;
    public RunningMean CpuInSpike;
    public RunningMean CpuOutside;
    public RunningMean NetErrorsInBlip;
    public RunningMean NetErrorsOutside;
    public double CpuMax = double.NegativeInfinity;
}
