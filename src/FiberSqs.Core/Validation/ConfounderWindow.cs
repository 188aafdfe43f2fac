using System.Globalization;
using FiberSqs.Core.Model;

namespace FiberSqs.Core.Validation;

/// <summary>A confounder's name, region, [start, end) and kind (docs/scenarios.md).</summary>
internal sealed record ConfounderWindow(string Name, string Region, DateTime Start, DateTime End, string Kind = Scenarios.ScenarioKinds.HostSaturation)
{
    /// <summary>Start and end as yyMMddHHmmss numbers, to compare with a transaction's start second.</summary>
    public long StartSecond { get; } = FieldText.SecondNumber(Start);
    public long EndSecond { get; } = FieldText.SecondNumber(End);

    public bool Contains(long ticks) => ticks >= Start.Ticks && ticks < End.Ticks;

    /// <summary>True for an instant of another day at the same time of day as the window: the comparable baseline
    /// for metrics that follow the daily traffic.</summary>
    public bool SameTimeOtherDay(long ticks)
    {
        if (Contains(ticks))
        {
            return false;
        }

        var day = TimeSpan.TicksPerDay;
        var offset = ((ticks - Start.Ticks) % day + day) % day;
        return offset < End.Ticks - Start.Ticks;
    }

    public bool Overlaps(DateTime from, DateTime to) => Start < to && from < End;
}
