using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>
/// service_metrics (Tier 2): per minute, region and transaction type that had traffic (no zero rows), aggregated from
/// the transactions that started in that minute. request_rate is per second; p95 and p99 are nearest-rank quantiles
/// of the minute's end-to-end latencies; saturation is the original's formula
/// min(1, 0.15 + 0.7·retry_rate + error_rate + 0.25·min(1, p95/2500)), retry_rate being the share that retried.
/// </summary>
internal sealed class ServiceMetricsTableWriter(CsvRowWriter csv)
{
    private readonly List<double>[,] _latencies = NewCells();
    private readonly int[,] _errors = new int[Scenario.Regions.Count, Scenario.TransactionTypes.Count];
    private readonly int[,] _retried = new int[Scenario.Regions.Count, Scenario.TransactionTypes.Count];

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
        _errors[tx.Region, tx.Type] += tx.IsTimeout ? 1 : 0;
        _retried[tx.Region, tx.Type] += tx.Retried ? 1 : 0;
    }

    /// <summary>Writes the minute's cells that had traffic and clears them for the next minute.</summary>
    public void FlushMinute(long minuteTicks)
    {
        for (var r = 0; r < Scenario.Regions.Count; r++)
        {
            for (var t = 0; t < Scenario.TransactionTypes.Count; t++)
            {
                var cell = _latencies[r, t];
                var n = cell.Count;
                if (n == 0)
                {
                    continue;
                }

                cell.Sort();
                var errorRate = (double)_errors[r, t] / n;
                var retryRate = (double)_retried[r, t] / n;
                var p95 = NearestRank(cell, 0.95);
                csv.TimestampSeconds(minuteTicks);
                csv.Text(V.Regions[r]);
                csv.Text(V.Types[t]);
                csv.Fixed(n / 60.0, 4);
                csv.Fixed(errorRate, 4);
                csv.Fixed(p95, 3);
                csv.Fixed(NearestRank(cell, 0.99), 3);
                csv.Fixed(Saturation(retryRate, errorRate, p95), 4);
                csv.EndRow();
                cell.Clear();
                _errors[r, t] = 0;
                _retried[r, t] = 0;
            }
        }
    }

    internal static double Saturation(double retryRate, double errorRate, double p95Ms) =>
        Math.Min(1.0, 0.15 + 0.7 * retryRate + errorRate + 0.25 * Math.Min(1.0, p95Ms / 2500.0));

    internal static double NearestRank(List<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : sorted[(int)Math.Ceiling(q * sorted.Count) - 1];
}
