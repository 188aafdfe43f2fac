using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>network_events (Tier 2, a few dozen rows): every event, for the alert-quality figures.</summary>
internal sealed class NetworkEventCollector : TableCollector
{
    private static readonly TableSchema T = TableCatalog.NetworkEvents;
    private static readonly int Timestamp = T.IndexOf("timestamp");
    private static readonly int Type = T.IndexOf("event_type");
    private static readonly int Circuit = T.IndexOf("circuit_id");
    private static readonly int Severity = T.IndexOf("severity");

    public List<NetworkEventRow> Events { get; } = [];

    public override void Row(CsvReader row, RowValues values)
    {
        var ticks = values.Ticks[Timestamp];
        if (ticks != RowValues.NoTicks)
        {
            Events.Add(new NetworkEventRow(ticks, row.GetString(Type), row.GetString(Circuit), row.GetString(Severity)));
        }
    }

    public override void Merge(TableCollector next) => Events.AddRange(((NetworkEventCollector)next).Events);
}
