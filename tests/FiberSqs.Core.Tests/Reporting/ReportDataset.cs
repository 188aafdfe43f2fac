using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Reporting;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Tests.Generation;

namespace FiberSqs.Core.Tests.Reporting;

/// <summary>A small classic dataset (20,000 app-log rows), generated once per test class, and its report totals read
/// with 64 KiB pieces, so every file is split between workers as a large one would be; deleted at the end.</summary>
public sealed class ReportDataset : IDisposable
{
    internal const long SmallPieces = 64 << 10;

    public ReportDataset()
    {
        Root = Path.Combine(Path.GetTempPath(), "fibersqs-report-" + Guid.NewGuid().ToString("N"));
        DatasetGenerator.Generate(Root, new DatasetOptions { Seed = 7, AppLogRows = 20_000 });
        Folder = DatasetFolder.Open(Root);
        Story = DebriefStory.From(Folder.GroundTruth);
        Grid = new HourGrid(Story.Week.Start, Story.Week.End);
        Totals = ReportReader.Read(Folder, Grid, null, CancellationToken.None, SmallPieces);
    }

    public string Root { get; }

    internal DatasetFolder Folder { get; }

    internal DebriefStory Story { get; }

    internal HourGrid Grid { get; }

    internal ReportTotals Totals { get; }

    internal IEnumerable<string[]> Rows(TableSchema table) => TestCsv.Rows(DatasetLayout.CsvPath(Root, table));

    /// <summary>The hour of the week a timestamp falls in.</summary>
    internal int Hour(string timestamp) => (int)((TestCsv.Time(timestamp) - Grid.Start).Ticks / TimeSpan.TicksPerHour);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
