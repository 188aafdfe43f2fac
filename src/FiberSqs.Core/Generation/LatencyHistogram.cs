namespace FiberSqs.Core.Generation;

/// <summary>
/// A fixed log-scale histogram (0.5% wide bins from 0.01 ms to ~10^7 ms) for quantiles over any number of
/// transactions in constant memory; shards merge by adding counts, so the result is independent of threads.
/// </summary>
internal sealed class LatencyHistogram
{
    private const double BinsPerE = 200;
    private const double MinMs = 0.01;
    private readonly long[] _bins = new long[4200];

    public long Count { get; private set; }

    public void Add(double ms)
    {
        var bin = (int)(PortableMath.Log(Math.Max(ms, MinMs) / MinMs) * BinsPerE);
        _bins[Math.Min(bin, _bins.Length - 1)]++;
        Count++;
    }

    public void Merge(LatencyHistogram other)
    {
        for (var i = 0; i < _bins.Length; i++)
        {
            _bins[i] += other._bins[i];
        }

        Count += other.Count;
    }

    /// <summary>The q-quantile (nearest rank), as the geometric middle of its bin: within 0.25%.</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(q * Count);
        long seen = 0;
        for (var i = 0; i < _bins.Length; i++)
        {
            seen += _bins[i];
            if (seen >= rank)
            {
                return MinMs * PortableMath.Exp((i + 0.5) / BinsPerE);
            }
        }

        return MinMs * PortableMath.Exp(_bins.Length / BinsPerE);
    }
}
