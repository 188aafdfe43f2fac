using CsvHelper;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Reporting;

/// <summary>What the report needs from network_circuit_metrics: per circuit and hour, rtt_ms (sum, count, largest), and
/// each circuit's source and destination region (its first row's).</summary>
internal sealed class CircuitTotals
{
    private static readonly int TimestampColumn = TableCatalog.NetworkCircuitMetrics.IndexOf("timestamp");
    private static readonly int SourceColumn = TableCatalog.NetworkCircuitMetrics.IndexOf("src_region");
    private static readonly int DestinationColumn = TableCatalog.NetworkCircuitMetrics.IndexOf("dst_region");
    private static readonly int CircuitColumn = TableCatalog.NetworkCircuitMetrics.IndexOf("circuit_id");
    private static readonly int RttColumn = TableCatalog.NetworkCircuitMetrics.IndexOf("rtt_ms");

    private readonly HourGrid _grid;
    private readonly List<Circuit> _circuits = [];

    public CircuitTotals(HourGrid grid) => _grid = grid;

    public NameTable Circuits { get; } = new(10_000);

    public long SkippedRows { get; private set; }

    public void Row(CsvReader row)
    {
        var hour = FieldText.TryParseTimestamp(row.GetSpan(TimestampColumn), micros: false, out var ticks) ? _grid.IndexOf(ticks) : -1;
        var circuit = hour < 0 ? -1 : Circuits.IndexOf(row.GetSpan(CircuitColumn));
        if (circuit < 0)
        {
            SkippedRows++;
            return;
        }

        var entry = CircuitAt(circuit, () => (row.GetString(SourceColumn), row.GetString(DestinationColumn)));
        if (row.TryParse<double>(RttColumn, out var rtt) && double.IsFinite(rtt))
        {
            entry.Rtt.Add(hour, rtt);
        }
    }

    public void Merge(CircuitTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        SkippedRows += other.SkippedRows;
        for (var i = 0; i < other._circuits.Count; i++)
        {
            var theirs = other._circuits[i];
            var mine = Circuits.IndexOf(other.Circuits.NameOf(i));
            if (mine < 0)
            {
                SkippedRows += theirs.Rtt.Count.Sum();
                continue;
            }

            CircuitAt(mine, () => (theirs.Source, theirs.Destination)).Rtt.Merge(theirs.Rtt);
        }
    }

    /// <summary>Every circuit: id, source and destination region.</summary>
    public IEnumerable<(string Id, string Source, string Destination)> All =>
        _circuits.Select((c, i) => (Circuits.NameOf(i), c.Source, c.Destination));

    public MetricHours? Rtt(string circuit)
    {
        var i = Circuits.Find(circuit);
        return i < 0 || i >= _circuits.Count ? null : _circuits[i].Rtt;
    }

    private Circuit CircuitAt(int index, Func<(string Source, string Destination)> regions)
    {
        while (_circuits.Count <= index)
        {
            _circuits.Add(null!);
        }

        if (_circuits[index] is null)
        {
            var (source, destination) = regions();
            _circuits[index] = new Circuit(source, destination, new MetricHours(_grid.Count));
        }

        return _circuits[index];
    }

    private sealed record Circuit(string Source, string Destination, MetricHours Rtt);
}
