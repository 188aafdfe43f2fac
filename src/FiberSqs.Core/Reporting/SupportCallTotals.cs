using CsvHelper;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Reporting;

/// <summary>What the report needs from tso_calls: the support calls per hour, by the customer's region.</summary>
internal sealed class SupportCallTotals
{
    private static readonly int TimestampColumn = TableCatalog.TsoCalls.IndexOf("timestamp");
    private static readonly int RegionColumn = TableCatalog.TsoCalls.IndexOf("customer_region");

    private readonly HourGrid _grid;
    private readonly List<int[]> _byRegion = [];

    public SupportCallTotals(HourGrid grid)
    {
        _grid = grid;
        Total = new int[grid.Count];
    }

    public NameTable Regions { get; } = new(64);

    /// <summary>Calls per hour, every region (also those of a region past the table's bound or empty).</summary>
    public int[] Total { get; }

    public long SkippedRows { get; private set; }

    public void Row(CsvReader row)
    {
        var hour = FieldText.TryParseTimestamp(row.GetSpan(TimestampColumn), micros: false, out var ticks) ? _grid.IndexOf(ticks) : -1;
        if (hour < 0)
        {
            SkippedRows++;
            return;
        }

        Total[hour]++;
        var region = Regions.IndexOf(row.GetSpan(RegionColumn));
        if (region >= 0)
        {
            RegionAt(region)[hour]++;
        }
    }

    public void Merge(SupportCallTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        SkippedRows += other.SkippedRows;
        for (var h = 0; h < Total.Length; h++)
        {
            Total[h] += other.Total[h];
        }

        for (var i = 0; i < other._byRegion.Count; i++)
        {
            var mine = Regions.IndexOf(other.Regions.NameOf(i));
            if (mine >= 0)
            {
                var calls = RegionAt(mine);
                for (var h = 0; h < calls.Length; h++)
                {
                    calls[h] += other._byRegion[i][h];
                }
            }
        }
    }

    /// <summary>Calls per hour from customers of <paramref name="region"/> (zeros when none).</summary>
    public int[] Of(string region)
    {
        var i = Regions.Find(region);
        return i < 0 || i >= _byRegion.Count ? new int[_grid.Count] : _byRegion[i];
    }

    private int[] RegionAt(int index)
    {
        while (_byRegion.Count <= index)
        {
            _byRegion.Add(new int[_grid.Count]);
        }

        return _byRegion[index];
    }
}
