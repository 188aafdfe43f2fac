using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;

namespace FiberSqs.Core.Tables;

/// <summary>network_events (Tier 2): the planned events (<see cref="NetworkEventPlan"/>), numbered EVT-000001... in time order.</summary>
internal sealed class NetworkEventsTableWriter(CsvRowWriter csv)
{
    public long Rows => csv.Rows;

    public void Write(NetworkEventPlan plan)
    {
        var number = 0;
        Span<byte> id = stackalloc byte[10];
        foreach (var e in plan.Events)
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
