using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>The primary circuit plus one circuit per ordered region pair (CKT-&lt;SRC3&gt;-&lt;DST3&gt;-&lt;210..298&gt;),
/// with the original's baseline ranges. The pair circuit of the primary's regions is its healthy alternate: the
/// reroute at the fix time moves the impacted flows onto it.</summary>
internal sealed class CircuitInventory
{
    private readonly Circuit[,] _byPair;

    private CircuitInventory(List<Circuit> all, Circuit[,] byPair)
    {
        All = all;
        _byPair = byPair;
    }

    /// <summary>Primary first (a circuit incident only), then the pairs in region order.</summary>
    public IReadOnlyList<Circuit> All { get; }

    /// <summary>The failing circuit; null when the incident is not a circuit's (every circuit is then a pair's).</summary>
    public Circuit? Primary => All[0].IsPrimary ? All[0] : null;

    /// <summary>Where the impacted flows go at the fix time: the other circuit of the primary's region pair (null
    /// without a primary).</summary>
    public Circuit? Alternate => Primary is { } p ? ForPair(p.Source, p.Destination) : null;

    /// <summary>The non-incident circuit of an ordered region pair.</summary>
    public Circuit ForPair(int source, int destination) => _byPair[source, destination];

    public static CircuitInventory Create(long seed, Story story)
    {
        var prng = Prng.Create(seed, StreamId.CircuitSetup);
        var regions = Scenario.Regions;
        var all = new List<Circuit>();
        if (story.IsNetwork)
        {
            all.Add(new(0, story.Scenario.Incident.Component, story.SourceRegion, story.DestinationRegion, 18, 0.0002, 8, 360, IsPrimary: true));
        }

        var byPair = new Circuit[regions.Count, regions.Count];
        for (var s = 0; s < regions.Count; s++)
        {
            for (var d = 0; d < regions.Count; d++)
            {
                if (s == d)
                {
                    continue;
                }

                var id = $"CKT-{Scenario.RegionCode(regions[s])}-{Scenario.RegionCode(regions[d])}-{prng.IntInclusive(210, 298)}";
                var circuit = new Circuit(all.Count, id, s, d, prng.Uniform(20, 45), prng.Uniform(0.00005, 0.0004),
                    prng.Uniform(3, 12), prng.Uniform(300, 650), IsPrimary: false);
                all.Add(circuit);
                byPair[s, d] = circuit;
            }
        }

        return new CircuitInventory(all, byPair);
    }
}
