using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>
/// How many transactions start in each minute, and the global sequence number of each minute's first one.
/// Per-minute weight = diurnal × U(0.9, 1.1) (× 0.85 on the weekend). The total is sized from the expected
/// app-log rows per transaction in each minute's context (bursts, confounders), so the row target is met
/// (the original assumed 10 rows per transaction and landed at 53%).
/// </summary>
internal sealed class ArrivalPlan
{
    public const int MinutesPerShard = 60;

    private readonly int[] _counts;
    private readonly long[] _firstSeq;

    private readonly double[] _load;

    private ArrivalPlan(int[] counts, long[] firstSeq, double[] load, long total, double rowsPerTransaction)
    {
        _counts = counts;
        _firstSeq = firstSeq;
        _load = load;
        Transactions = total;
        ExpectedRowsPerTransaction = rowsPerTransaction;
    }

    public static int Minutes => (int)((Scenario.WindowEnd - Scenario.WindowStart).Ticks / TimeSpan.TicksPerMinute);

    public static int Shards => Minutes / MinutesPerShard;

    public long Transactions { get; }

    public double ExpectedRowsPerTransaction { get; }

    public int CountAt(int minute) => _counts[minute];

    public long FirstSeqAt(int minute) => _firstSeq[minute];

    /// <summary>The minute's traffic relative to the week's mean (1 = average), whatever the scale: what host
    /// metrics follow.</summary>
    public double LoadAt(int minute) => _load[minute];

    public static double Diurnal(long ticks)
    {
        var t = new DateTime(ticks, DateTimeKind.Utc);
        var hour = t.Hour + t.Minute / 60.0;
        var d = Math.Max(0.2, 0.55 + 0.45 * PortableMath.Sin(2 * Math.PI * (hour - 3) / 24));
        return t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? d * 0.85 : d;
    }

    public static ArrivalPlan Create(long seed, long appLogRowTarget, BurstSchedule bursts, Story story)
    {
        var minutes = Minutes;
        var prng = Prng.Create(seed, StreamId.Arrivals);
        var weights = new double[minutes];
        double weightSum = 0, weightedRows = 0;
        var originWeights = Scenario.OriginWeights;
        for (var m = 0; m < minutes; m++)
        {
            var start = Scenario.WindowStart.Ticks + m * TimeSpan.TicksPerMinute;
            var w = Diurnal(start) * prng.Uniform(0.9, 1.1);
            weights[m] = w;
            weightSum += w;
            var burstFraction = bursts.CoveredFraction(start, start + TimeSpan.TicksPerMinute);
            double rows = 0;
            for (var r = 0; r < originWeights.Count; r++)
            {
                var typeWeights = story.TypeWeights(r);
                var typeSum = typeWeights.Sum();
                var confounder = story.InConfounder(r, start);
                double regionRows = 0;
                for (var t = 0; t < typeWeights.Length; t++)
                {
                    regionRows += typeWeights[t] / typeSum *
                        story.ExpectedAppLogRows(r, t, r == story.SourceRegion ? burstFraction : 0, confounder);
                }

                rows += originWeights[r] * regionRows;
            }

            weightedRows += w * rows;
        }

        var rowsPerTransaction = weightedRows / weightSum;
        var total = Math.Max(1, (long)Math.Round(appLogRowTarget / rowsPerTransaction));

        // Cumulative rounding hands out exactly `total` while following the weights.
        var counts = new int[minutes];
        var firstSeq = new long[minutes + 1];
        double cumulative = 0;
        long assigned = 0;
        for (var m = 0; m < minutes; m++)
        {
            cumulative += weights[m];
            var upTo = (long)Math.Round(total * cumulative / weightSum);
            counts[m] = (int)(upTo - assigned);
            firstSeq[m] = assigned + 1;
            assigned = upTo;
        }

        firstSeq[minutes] = assigned + 1;
        var mean = weightSum / minutes;
        return new ArrivalPlan(counts, firstSeq, [.. weights.Select(w => w / mean)], assigned, rowsPerTransaction);
    }
}
