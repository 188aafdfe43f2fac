namespace FiberSqs.Core.Reporting;

/// <summary>The hours the report's time charts are drawn over: from the answer key's time_range start, one cell per
/// hour up to its end (at most <see cref="MaxHours"/>, so a crafted range cannot size the report's arrays).</summary>
internal sealed class HourGrid
{
    /// <summary>Nine weeks: far more than the one-week window of every dataset.</summary>
    public const int MaxHours = 24 * 63;

    public HourGrid(DateTime start, DateTime end)
    {
        Start = DateTime.SpecifyKind(start, DateTimeKind.Utc);
        var hours = Math.Ceiling((end - start).TotalHours);
        Count = (int)Math.Clamp(double.IsFinite(hours) ? hours : 1, 1, MaxHours);
    }

    public DateTime Start { get; }

    public int Count { get; }

    public DateTime End => Start.AddHours(Count);

    /// <summary>The hour an instant falls in, or -1 outside the grid.</summary>
    public int IndexOf(long ticks)
    {
        var offset = ticks - Start.Ticks;
        if (offset < 0)
        {
            return -1;
        }

        var hour = offset / TimeSpan.TicksPerHour;
        return hour < Count ? (int)hour : -1;
    }

    public DateTime HourStart(int index) => Start.AddHours(index);

    /// <summary>The middle of an hour: where its point is drawn.</summary>
    public DateTime HourMiddle(int index) => Start.AddHours(index + 0.5);
}
