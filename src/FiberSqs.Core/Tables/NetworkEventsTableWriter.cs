using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;

namespace FiberSqs.Core.Tables;

/// <summary>
/// network_events (Tier 2): latency alarms raised and cleared around each burst on the primary circuit, the
/// reroute at the fix time, and background events (flaps, resets, maintenance, short alarms) on every circuit
/// so that an alarm alone is not the answer. Numbered EVT-000001... in time order.
/// </summary>
internal sealed class NetworkEventsTableWriter(CsvRowWriter csv)
{
    private readonly record struct Event(long Ticks, int Order, string Type, Circuit Circuit, string Severity, string Description);

    private static readonly (string Type, string Severity, string Description)[] Background =
    [
        ("interface_flap", "minor", "Interface flapped and recovered"),
        ("bgp_session_reset", "minor", "BGP session reset by peer, re-established"),
        ("maintenance_notice", "info", "Planned maintenance window announced by carrier"),
        ("optical_power_warning", "minor", "Optical receive power near threshold"),
    ];

    public long Rows => csv.Rows;

    public void Write(long seed, BurstSchedule bursts, CircuitInventory circuits)
    {
        var prng = Prng.Create(seed, StreamId.NetworkEvents);
        var events = new List<Event>();
        var primary = circuits.Primary;
        for (var i = 0; i < bursts.Count; i++)
        {
            var raised = bursts.Start(i).Ticks + TimeSpan.TicksPerSecond * prng.IntInclusive(20, 90);
            var cleared = bursts.End(i).Ticks + TimeSpan.TicksPerSecond * prng.IntInclusive(20, 90);
            events.Add(new(raised, events.Count, "latency_alarm_raised", primary, "major", "Round-trip time above alarm threshold"));
            events.Add(new(cleared, events.Count, "latency_alarm_cleared", primary, "info", "Round-trip time back under alarm threshold"));
        }

        events.Add(new(Scenario.FixTime.Ticks, events.Count, "traffic_rerouted", primary, "info",
            "Traffic moved to an alternate path by network operations"));

        var hours = (int)((Scenario.WindowEnd - Scenario.WindowStart).TotalHours);
        for (var h = 0; h < hours; h++)
        {
            var hourTicks = Scenario.WindowStart.Ticks + h * TimeSpan.TicksPerHour;
            var count = prng.NextInt(3);
            for (var k = 0; k < count; k++)
            {
                var circuit = circuits.All[prng.NextInt(circuits.All.Count)];
                var at = hourTicks + TimeSpan.TicksPerSecond * prng.NextInt(3600);
                if (prng.Chance(0.15))
                {
                    // A short alarm on any circuit, the primary included, that clears within minutes.
                    events.Add(new(at, events.Count, "latency_alarm_raised", circuit, "minor", "Round-trip time above alarm threshold"));
                    var clear = Math.Min(at + TimeSpan.TicksPerSecond * prng.IntInclusive(60, 240), Scenario.WindowEnd.Ticks - TimeSpan.TicksPerSecond);
                    events.Add(new(clear, events.Count, "latency_alarm_cleared", circuit, "info", "Round-trip time back under alarm threshold"));
                }
                else
                {
                    var (type, severity, description) = Background[prng.NextInt(Background.Length)];
                    events.Add(new(at, events.Count, type, circuit, severity, description));
                }
            }
        }

        events.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Order.CompareTo(b.Order));
        var number = 0;
        Span<byte> id = stackalloc byte[10];
        foreach (var e in events)
        {
            "EVT-"u8.CopyTo(id);
            Utf8Text.Digits(id[4..], ++number);
            csv.Text((ReadOnlySpan<byte>)id);
            csv.TimestampSeconds(e.Ticks);
            csv.Text(e.Type);
            csv.Text(Scenario.Regions[e.Circuit.Source]);
            csv.Text(Scenario.Regions[e.Circuit.Destination]);
            csv.Text(e.Circuit.IdUtf8);
            csv.Text(e.Severity);
            csv.Text(e.Description);
            csv.EndRow();
        }
    }
}
