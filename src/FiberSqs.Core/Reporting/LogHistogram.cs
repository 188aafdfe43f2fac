namespace FiberSqs.Core.Reporting;

/// <summary>
/// Counts of values in log-scale bins 1% wide (0.1 to about 2.4 million), for a quantile over any number of values in
/// a few kilobytes: the report keeps one per region and hour instead of every latency. Histograms of the same shape
/// merge by adding counts, so the result does not depend on how the file was split between workers.
/// </summary>
internal sealed class LogHistogram
{
    private const double MinValue = 0.1;
    private const double BinsPerE = 100;
    private const int BinCount = 1700;
    private readonly int[] _bins = new int[BinCount];

    public long Count { get; private set; }

    public void Add(double value)
    {
        var bin = value <= MinValue ? 0 : (int)(Math.Log(value / MinValue) * BinsPerE);
        _bins[Math.Min(bin, BinCount - 1)]++;
        Count++;
    }

    public void Merge(LogHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < BinCount; i++)
        {
            _bins[i] += other._bins[i];
        }

        Count += other.Count;
    }

    /// <summary>The q-quantile by nearest rank, as the geometric middle of its bin (within 0.5% of the value);
    /// NaN when empty.</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(q * Count));
        long seen = 0;
        for (var i = 0; i < BinCount; i++)
        {
            seen += _bins[i];
            if (seen >= rank)
            {
                return MinValue * Math.Exp((i + 0.5) / BinsPerE);
            }
        }

        return MinValue * Math.Exp(BinCount / BinsPerE);
    }
}
