using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>The primary circuit's degradation bursts: one every 17-23 minutes, lasting 4-7 minutes, whole seconds,
/// from the incident start to its end.</summary>
internal sealed class BurstSchedule
{
    private readonly long[] _starts;
    private readonly long[] _ends;

    private BurstSchedule(long[] starts, long[] ends)
    {
        _starts = starts;
        _ends = ends;
    }

    public int Count => _starts.Length;

    public DateTime Start(int i) => new(_starts[i], DateTimeKind.Utc);

    public DateTime End(int i) => new(_ends[i], DateTimeKind.Utc);

    public static BurstSchedule Create(long seed, Story story)
    {
        var prng = Prng.Create(seed, StreamId.Bursts);
        var starts = new List<long>();
        var ends = new List<long>();
        var start = story.IncidentStartTicks;
        while (true)
        {
            var duration = TimeSpan.TicksPerSecond * prng.IntInclusive(4 * 60, 7 * 60);
            if (start + duration > story.IncidentEndTicks)
            {
                break;
            }

            starts.Add(start);
            ends.Add(start + duration);
            start += TimeSpan.TicksPerSecond * prng.IntInclusive(17 * 60, 23 * 60);
        }

        return new BurstSchedule([.. starts], [.. ends]);
    }

    /// <summary>Index of the burst that contains the instant, or -1.</summary>
    public int IndexAt(long ticks)
    {
        var i = Array.BinarySearch(_starts, ticks);
        if (i < 0)
        {
            i = ~i - 1;
        }

        return i >= 0 && ticks < _ends[i] ? i : -1;
    }

    public bool Contains(long ticks) => IndexAt(ticks) >= 0;

    /// <summary>Share of [from, to) covered by bursts.</summary>
    public double CoveredFraction(long from, long to)
    {
        long covered = 0;
        for (var i = 0; i < _starts.Length; i++)
        {
            var a = Math.Max(from, _starts[i]);
            var b = Math.Min(to, _ends[i]);
            if (b > a)
            {
                covered += b - a;
            }
        }

        return (double)covered / (to - from);
    }

    /// <summary>True when [from, to) overlaps any burst.</summary>
    public bool Overlaps(long from, long to) => CoveredFraction(from, to) > 0;
}
