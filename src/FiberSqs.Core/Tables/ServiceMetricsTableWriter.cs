using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>
/// service_metrics (Tier 2): per minute, region and transaction type, aggregated from the transactions that
/// started in that minute. Every cell of the grid is written, empty ones with zeros.
/// request_rate is per second; saturation is the mean concurrency per host (sum of latencies over the minute
/// and the region's hosts), capped at 1.
/// </summary>
internal sealed class ServiceMetricsTableWriter(CsvRowWriter csv)
{
    private readonly List<double>[,] _latencies = NewCells();
    private readonly int[,] _errors = new int[Scenario.Regions.Count, Scenario.TransactionTypes.Count];

    public long Rows => csv.Rows;

    private static List<double>[,] NewCells()
    {
        var cells = new List<double>[Scenario.Regions.Count, Scenario.TransactionTypes.Count];
        for (var r = 0; r < cells.GetLength(0); r++)
        {
            for (var t = 0; t < cells.GetLength(1); t++)
            {
                cells[r, t] = new List<double>(64);
            }
        }

        return cells;
    }

    public void Add(Transaction tx)
    {
        _latencies[tx.Region, tx.Type].Add(tx.EndToEndMs);
        if (tx.IsTimeout)
        {
            _errors[tx.Region, tx.Type]++;
        }
    }

    /// <summary>Writes the minute's grid and clears it for the next minute.</summary>
    public void FlushMinute(long minuteTicks)
    {
        for (var r = 0; r < Scenario.Regions.Count; r++)
        {
            for (var t = 0; t < Scenario.TransactionTypes.Count; t++)
            {
                var cell = _latencies[r, t];
                cell.Sort();
                var n = cell.Count;
                double sum = 0;
                foreach (var v in cell)
                {
                    sum += v;
                }

                csv.TimestampSeconds(minuteTicks);
                csv.Text(V.Regions[r]);
                csv.Text(V.Types[t]);
                csv.Fixed(n / 60.0, 4);
                csv.Fixed(n == 0 ? 0 : (double)_errors[r, t] / n, 4);
                csv.Fixed(NearestRank(cell, 0.95), 3);
                csv.Fixed(NearestRank(cell, 0.99), 3);
                csv.Fixed(Math.Min(1.0, sum / (60_000.0 * Scenario.HostsPerRegion)), 4);
                csv.EndRow();
                cell.Clear();
                _errors[r, t] = 0;
            }
        }
    }

    internal static double NearestRank(List<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[(int)Math.Ceiling(q * sorted.Count) - 1];
}
