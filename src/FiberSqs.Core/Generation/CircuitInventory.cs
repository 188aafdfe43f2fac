using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>One network circuit and its baseline figures.</summary>
public sealed record Circuit(string Id, int Source, int Destination, double BaseRttMs, double BaseLossPct,
    double BaseRetransmitsPerS, double BaseThroughputMbps, bool IsPrimary)
{
    internal byte[] IdUtf8 { get; } = Utf8Text.Bytes(Id);
}

/// <summary>The primary circuit plus one circuit per ordered region pair (CKT-&lt;SRC3&gt;-&lt;DST3&gt;-&lt;210..298&gt;).</summary>
public sealed class CircuitInventory
{
    private readonly Circuit[,] _byPair;

    private CircuitInventory(List<Circuit> all, Circuit[,] byPair)
    {
        All = all;
        _byPair = byPair;
    }

    /// <summary>Primary first, then the pairs in region order.</summary>
    public IReadOnlyList<Circuit> All { get; }

    public Circuit Primary => All[0];

    /// <summary>The non-incident circuit of an ordered region pair.</summary>
    public Circuit ForPair(int source, int destination) => _byPair[source, destination];

    public static CircuitInventory Create(long seed)
    {
        var prng = Prng.Create(seed, StreamId.CircuitSetup);
        var regions = Scenario.Regions;
        var all = new List<Circuit>
        {
            new(Scenario.PrimaryCircuitId, 2, 0, 18, 0.0002, 8, 360, IsPrimary: true),
        };
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
                var circuit = new Circuit(id, s, d, prng.Uniform(20, 45), prng.Uniform(0.0002, 0.002),
                    prng.Uniform(3, 12), prng.Uniform(400, 1000), IsPrimary: false);
                all.Add(circuit);
                byPair[s, d] = circuit;
            }
        }

        return new CircuitInventory(all, byPair);
    }
}
