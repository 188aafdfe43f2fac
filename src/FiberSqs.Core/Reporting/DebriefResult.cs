namespace FiberSqs.Core.Reporting;

/// <summary>What writing the report did: the file, its size, the charts drawn, the teams shown, the rows read and how long it took.</summary>
internal sealed record DebriefResult(string Path, long Bytes, IReadOnlyList<string> ChartIds, int Teams,
    IReadOnlyDictionary<string, long> RowsRead, TimeSpan Elapsed);
