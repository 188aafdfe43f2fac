namespace FiberSqs.Core.Scoring;

/// <summary>Whether a window an answer gives points at a window of the key: at least half of it lies inside the
/// target (widened by the slack), or, for a single time, the time does. So a window covering the whole week points at
/// nothing, and one a little off still points at what it meant.</summary>
internal static class WindowOverlap
{
    public static bool MostlyInside(DateTime start, DateTime end, DateTime targetStart, DateTime targetEnd, TimeSpan slack)
    {
        var (from, to) = (targetStart - slack, targetEnd + slack);
        if (end <= start)
        {
            return start >= from && start <= to;
        }

        var inside = (end < to ? end : to) - (start > from ? start : from);
        return inside.Ticks * 2 >= (end - start).Ticks;
    }
}
