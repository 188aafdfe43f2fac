using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>
/// The host inventory (hosts per region scale with the region's traffic) and each host's traits, drawn once per
/// seed. App logs take their timestamps from their host's clock: a fixed offset of up to ±400 ms that drifts by up
/// to ±100 ms over the week, so every clock stays within ±500 ms of true time and one host's rows stay in order.
/// </summary>
internal sealed class HostFleet
{
    private readonly HostTraits[][] _traits;

    private HostFleet(HostTraits[][] traits) => _traits = traits;

    /// <summary>Traits of host <paramref name="number"/> (1-based) of <paramref name="region"/>.</summary>
    public HostTraits Traits(int region, int number) => _traits[region][number];

    public static int Count(int region) => Scenario.HostsPerRegion[region];

    public static HostFleet Create(long seed)
    {
        var prng = Prng.Create(seed, StreamId.HostSetup);
        var traits = new HostTraits[Scenario.Regions.Count][];
        for (var r = 0; r < traits.Length; r++)
        {
            traits[r] = new HostTraits[Count(r) + 1];
            for (var h = 1; h <= Count(r); h++)
            {
                traits[r][h] = new HostTraits(
                    ClockBaseMs: prng.Uniform(-400, 400),
                    ClockDriftMsPerWeek: prng.Uniform(-100, 100),
                    CpuIdle: prng.Uniform(0.14, 0.20),
                    CpuPerLoad: prng.Uniform(0.26, 0.32),
                    MemBase: prng.Uniform(42, 54),
                    DiskBase: prng.Uniform(18, 28));
            }
        }

        return new HostFleet(traits);
    }

    /// <summary>The host's clock error at <paramref name="ticks"/>, in ticks (add it to true time to get the logged time).</summary>
    public long ClockOffsetTicks(int region, int number, long ticks)
    {
        var t = _traits[region][number];
        var weeks = (ticks - Scenario.WindowStart.Ticks) / (double)(Scenario.WindowEnd.Ticks - Scenario.WindowStart.Ticks);
        return (long)((t.ClockBaseMs + t.ClockDriftMsPerWeek * weeks) * TimeSpan.TicksPerMillisecond);
    }

    /// <summary>Largest clock error any host can have, in ticks.</summary>
    public static long MaxClockOffsetTicks => 500 * TimeSpan.TicksPerMillisecond;
}
