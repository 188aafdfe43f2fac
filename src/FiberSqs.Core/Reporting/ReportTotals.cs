using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Reporting;

/// <summary>Everything the report reads from the four tables it charts, as one worker gathered it; the workers'
/// totals merge into one. Also counts each table's rows, and those whose field count is not the header's.</summary>
internal sealed class ReportTotals
{
    /// <summary>The tables the report reads, each once.</summary>
    public static readonly IReadOnlyList<TableSchema> Tables =
        [TableCatalog.AppLogs, TableCatalog.NetworkCircuitMetrics, TableCatalog.InfraHostMetrics, TableCatalog.TsoCalls];

    public ReportTotals(HourGrid grid)
    {
        Grid = grid;
        AppLogs = new AppLogTotals(grid);
        Circuits = new CircuitTotals(grid);
        Hosts = new HostTotals(grid);
        SupportCalls = new SupportCallTotals(grid);
    }

    public HourGrid Grid { get; }

    public AppLogTotals AppLogs { get; }

    public CircuitTotals Circuits { get; }

    public HostTotals Hosts { get; }

    public SupportCallTotals SupportCalls { get; }

    /// <summary>Data rows read per table (the header not counted), malformed ones included.</summary>
    public Dictionary<string, long> Rows { get; } = Tables.ToDictionary(t => t.Name, _ => 0L);

    /// <summary>Rows whose field count is not the header's (a file cut mid-row ends with one).</summary>
    public Dictionary<string, long> MalformedRows { get; } = Tables.ToDictionary(t => t.Name, _ => 0L);

    /// <summary>Reads one data row of <paramref name="table"/>.</summary>
    public void Row(TableSchema table, CsvReader row)
    {
        Rows[table.Name]++;
        if (row.FieldCount != table.Columns.Count)
        {
            MalformedRows[table.Name]++;
            return;
        }

        switch (table.Name)
        {
            case "app_logs":
                AppLogs.Row(row);
                break;
            case "network_circuit_metrics":
                Circuits.Row(row);
                break;
            case "infra_host_metrics":
                Hosts.Row(row);
                break;
            default:
                SupportCalls.Row(row);
                break;
        }
    }

    public void Merge(ReportTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        AppLogs.Merge(other.AppLogs);
        Circuits.Merge(other.Circuits);
        Hosts.Merge(other.Hosts);
        SupportCalls.Merge(other.SupportCalls);
        foreach (var table in Tables)
        {
            Rows[table.Name] += other.Rows[table.Name];
            MalformedRows[table.Name] += other.MalformedRows[table.Name];
        }
    }
}
