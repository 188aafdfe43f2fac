using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>
/// network_events in the original's vocabulary (packet_loss_burst, reroute, maintenance, flap; critical, warning,
/// info): a critical packet_loss_burst on the primary circuit at the incident start, the reroute (info) at the fix
/// time naming the alternate circuit, and 10 to 16 low-noise background events on other circuits, none critical.
/// Planned before the shards run so a background loss burst or flap also shows in that circuit's metrics (loss,
/// retransmits, throughput; never RTT, which stays the incident's signal).
/// </summary>
internal sealed class NetworkEventPlan
{
    private readonly Dictionary<long, PlannedNetworkEvent> _effects = [];

    private NetworkEventPlan(List<PlannedNetworkEvent> events)
    {
        Events = events;
        foreach (var e in events.Where(e => e.Minutes > 0))
        {
            var first = MinuteOf(e.Ticks);
            for (var m = first; m < first + e.Minutes; m++)
            {
                _effects.TryAdd(Key(e.Circuit.Index, m), e);
            }
        }
    }

    /// <summary>Every event, in time order.</summary>
    public IReadOnlyList<PlannedNetworkEvent> Events { get; }

    /// <summary>The background event acting on the circuit in that minute, or null.</summary>
    public PlannedNetworkEvent? EffectAt(Circuit circuit, int minute) =>
        _effects.TryGetValue(Key(circuit.Index, minute), out var e) ? e : null;

    private static long Key(int circuit, int minute) => ((long)circuit << 32) | (uint)minute;

    private static int MinuteOf(long ticks) => (int)((ticks - Scenario.WindowStart.Ticks) / TimeSpan.TicksPerMinute);

    public static NetworkEventPlan Create(long seed, CircuitInventory circuits, Story story)
    {
        var prng = Prng.Create(seed, StreamId.NetworkEventPlan);
        // Classic: a critical event that says which circuit degrades. Above it, the incident's events read like any
        // other circuit's, and more alarms (some critical, each with a real effect on its circuit) ring elsewhere. An
        // incident that is not a circuit's has no events of its own: the network stays quiet but for the background.
        var events = new List<PlannedNetworkEvent>();
        if (circuits.Primary is { } primary && circuits.Alternate is { } alternate)
        {
            events.AddRange(story.ClassicSignals
                ? [
                    new(story.IncidentStartTicks, "packet_loss_burst", primary, "critical",
                        "Packet loss burst and RTT elevation detected on primary circuit", 0, 1, 1, 1),
                    new(story.FixTicks, "reroute", primary, "info",
                        $"Traffic rerouted away from degraded circuit onto {alternate.Id}; service latency recovers", 0, 1, 1, 1),
                ]
                : [
                    new(story.IncidentStartTicks, "packet_loss_burst", primary, "warning", "Short packet loss burst on circuit", 0, 1, 1, 1),
                    new(story.FixTicks, "reroute", primary, "info", "Routing policy change applied; path flaps briefly", 0, 1, 1, 1),
                ]);
        }

        var others = circuits.All.Where(c => !c.IsPrimary).ToList();
        var minutes = (int)((Scenario.WindowEnd - Scenario.WindowStart).Ticks / TimeSpan.TicksPerMinute);
        var count = prng.IntInclusive(10, 16);
        for (var i = 0; i < count; i++)
        {
            var circuit = others[prng.NextInt(others.Count)];
            var minute = prng.NextInt(minutes - 10);
            var ticks = Scenario.WindowStart.Ticks + minute * TimeSpan.TicksPerMinute + prng.NextInt(60) * TimeSpan.TicksPerSecond;
            events.Add(prng.NextInt(4) switch
            {
                0 => new(ticks, "maintenance", circuit, "info", "Planned maintenance window on circuit", 0, 1, 1, 1),
                1 => new(ticks, "reroute", circuit, "warning", "Routing policy change applied; path flaps briefly", 1, 1, 1, 0.8),
                2 => new(ticks, "flap", circuit, "warning", "Intermittent circuit flap observed", 1, 2, 1.5, 0.6),
                _ => new(ticks, "packet_loss_burst", circuit, "warning", "Short packet loss burst on circuit", prng.IntInclusive(2, 5),
                    prng.Uniform(3, 6), prng.Uniform(1.5, 2.5), 0.9),
            });
        }

        if (!story.ClassicSignals)
        {
            // From a stream of their own, so the background events above are the same at every level.
            var noise = Prng.Create(seed, StreamId.NetworkEventNoise);
            var extra = noise.IntInclusive(12, 20);
            for (var i = 0; i < extra; i++)
            {
                var circuit = others[noise.NextInt(others.Count)];
                var ticks = Scenario.WindowStart.Ticks + noise.NextInt(minutes - 10) * TimeSpan.TicksPerMinute + noise.NextInt(60) * TimeSpan.TicksPerSecond;
                events.Add(noise.NextInt(3) == 0
                    ? new(ticks, "packet_loss_burst", circuit, "critical", "Packet loss burst and RTT elevation detected on circuit",
                        noise.IntInclusive(3, 8), noise.Uniform(4, 8), noise.Uniform(2, 3), 0.85)
                    : new(ticks, "flap", circuit, "warning", "Intermittent circuit flap observed", 1, 2, 1.5, 0.6));
            }
        }

        var ordered = events.Select((e, i) => (e, i)).OrderBy(x => x.e.Ticks).ThenBy(x => x.i).Select(x => x.e).ToList();
        return new NetworkEventPlan(ordered);
    }
}
