using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Tests.Generation;

/// <summary>A dataset generated once per test class, deleted at the end: big enough for the statistical checks
/// (over 1,000 TSO calls), small enough to write in about a second.</summary>
public sealed class GeneratedDataset : IDisposable
{
    public GeneratedDataset()
    {
        Root = Path.Combine(Path.GetTempPath(), "fibersqs-test-" + Guid.NewGuid().ToString("N"));
        Result = DatasetGenerator.Generate(Root, Options);
        Truth = GroundTruth.Load(DatasetLayout.GroundTruthPath(Root));
    }

    internal static readonly DatasetOptions Options = new() { Seed = 11, AppLogRows = 400_000, EnableTier2 = true, Zip = true };

    public string Root { get; }
    internal GenerationResult Result { get; }
    public GroundTruth Truth { get; }

    internal string Csv(TableSchema table) => DatasetLayout.CsvPath(Root, table);

    internal IEnumerable<string[]> Rows(TableSchema table) => TestCsv.Rows(Csv(table));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
