using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>network_circuit_metrics: per circuit, the mean RTT of the minutes that overlap a burst, of the others,
/// and of the minutes in the central CPU spike.</summary>
internal sealed class CircuitMetricCollector(ScanContext context) : TableCollector
{
    private static readonly TableSchema T = TableCatalog.NetworkCircuitMetrics;
    private static readonly int Timestamp = T.IndexOf("timestamp");
    private static readonly int Circuit = T.IndexOf("circuit_id");
    private static readonly int Rtt = T.IndexOf("rtt_ms");

    public Dictionary<long, CircuitRtt> Circuits { get; } = [];

    public override void Row(CsvReader row, RowValues values)
    {
        var ticks = values.Ticks[Timestamp];
        var rtt = values.Numbers[Rtt];
        if (ticks == RowValues.NoTicks || double.IsNaN(rtt))
        {
            return;
        }

        var id = row.GetSpan(Circuit);
        var key = FieldText.Hash(id);
        if (!Circuits.TryGetValue(key, out var c))
        {
            Circuits[key] = c = new CircuitRtt(System.Text.Encoding.UTF8.GetString(id));
        }

        if (context.OverlapsBurst(ticks, TimeSpan.TicksPerMinute))
        {
            c.Burst.Add(rtt);
        }
        else
        {
            c.Baseline.Add(rtt);
        }

        if (context.CpuSpike?.Contains(ticks) == true)
        {
            c.CpuSpike.Add(rtt);
            c.CpuSpikeMax = Math.Max(c.CpuSpikeMax, rtt);
        }

        if (_regional is { } w)
        {
            if (w.Contains(ticks))
            {
                c.RegionalInside.Add(rtt);
            }
            else if (w.SameTimeOtherDay(ticks) && !context.OverlapsBurst(ticks, TimeSpan.TicksPerMinute))
            {
                c.RegionalOutside.Add(rtt);
            }
        }
    }

    private readonly ConfounderWindow? _regional = context.Confounders.FirstOrDefault(c => c.Kind == Scenarios.ScenarioKinds.NetworkCircuitDegradation);

    public override void Merge(TableCollector next)
    {
        foreach (var (key, o) in ((CircuitMetricCollector)next).Circuits)
        {
            if (!Circuits.TryGetValue(key, out var c))
            {
                Circuits[key] = o;
                continue;
            }

            c.Burst.Add(o.Burst);
            c.Baseline.Add(o.Baseline);
            c.RegionalInside.Add(o.RegionalInside);
            c.RegionalOutside.Add(o.RegionalOutside);
            c.CpuSpike.Add(o.CpuSpike);
            c.CpuSpikeMax = Math.Max(c.CpuSpikeMax, o.CpuSpikeMax);
        }
    }
}
