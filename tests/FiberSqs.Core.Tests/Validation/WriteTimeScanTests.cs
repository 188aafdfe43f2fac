using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Scenarios;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Validation;

/// <summary>New-FiberSqsDataset validates the shard-written tables from memory as it writes them: its report must be
/// the one a read of the finished files gives (Test-FiberSqsDataset), byte for byte, and a file that does not hold the
/// bytes scanned must fail.</summary>
public sealed class WriteTimeScanTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fibersqs-scan-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public static TheoryData<int, string, int> Datasets() => new()
    {
        { 0, "classic", 1 },       // the classic, on one worker
        { 0, "classic", 4 },       // and on four: shards scanned out of order
        { 2, "hard", 2 },          // saturated hosts; sampled traces and lost log rows
        { 3, "standard", 2 },      // a failing dependency
    };

    [Theory]
    [MemberData(nameof(Datasets))]
    public void The_report_written_with_the_dataset_is_the_report_of_reading_its_files(int variant, string difficulty, int workers)
    {
        var scenario = variant == 0 ? ExerciseScenario.Classic with { Difficulty = difficulty }
            : ExerciseScenario.DrawVariant(variant) with { Difficulty = difficulty };
        var path = Path.Combine(_root, $"v{variant}-{difficulty}-{workers}");
        var produced = DatasetProduction.Run(path, new DatasetOptions
        {
            Seed = 9, AppLogRows = 60_000, EnableTier2 = true, Scenario = scenario, MaxDegreeOfParallelism = workers,
        }, replace: false);

        var fromFiles = DatasetValidator.Validate(path);
        Assert.True(fromFiles.Passed, string.Join("; ", fromFiles.FailedChecks.Select(c => c.Message)));
        Assert.Equal(fromFiles.ToJson(), File.ReadAllText(Path.Combine(path, DatasetLayout.ValidationSummaryFile)));
        Assert.Equal(fromFiles.ToJson(), produced.Validation.ToJson());
    }

    [Fact]
    public void A_file_that_lost_bytes_after_they_were_scanned_fails_its_parse_check()
    {
        var path = Path.Combine(_root, "cut");
        var scan = new WriteTimeScan();
        DatasetGenerator.Generate(path, new DatasetOptions { Seed = 9, AppLogRows = 20_000, EnableTier2 = true }, scan, null, default);
        Assert.True(scan.Covers(TableCatalog.AppLogs));
        Assert.False(scan.Covers(TableCatalog.TsoCalls)); // written after the shards: read from its file
        var file = DatasetLayout.CsvPath(path, TableCatalog.AppLogs);
        var scanned = scan.BytesOf(TableCatalog.AppLogs);
        Assert.Equal(new FileInfo(file).Length, scanned);
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(scanned - 100);
        }

        var report = DatasetValidator.Validate(path, scan, null, default);
        var parse = report.Check(CheckNames.Csv(TableCatalog.AppLogs.Name))!;
        Assert.False(parse.Passed);
        Assert.Contains("were written", parse.Message);
        Assert.False(report.Passed);
    }

    [Fact]
    public void The_scan_takes_only_the_tables_it_was_started_with()
    {
        var scan = new WriteTimeScan();
        Assert.Throws<InvalidOperationException>(() => scan.Context);
        Assert.Throws<InvalidOperationException>(() => scan.Header(TableCatalog.AppLogs, "a\n"u8.ToArray()));
    }
}
