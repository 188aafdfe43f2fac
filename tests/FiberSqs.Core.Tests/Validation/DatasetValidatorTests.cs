using System.Text.Json;
using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Validation;

/// <summary>Good datasets pass at several seeds and scales; folders that are not datasets are typed errors.</summary>
public sealed class DatasetValidatorTests
{
    private static string TempPath() => Path.Combine(Path.GetTempPath(), "fibersqs-valtest-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(1, 20_000, 1.0, false)]
    [InlineData(2, 60_000, 1.0, true)]
    [InlineData(3, 20_000_000, 0.001, true)]
    [InlineData(4, 1_000, 1.0, false)]
    public void AGoodDatasetPasses(long seed, long rows, double scale, bool tier2)
    {
        var root = TempPath();
        try
        {
            DatasetGenerator.Generate(root, new DatasetOptions { Seed = seed, AppLogRows = rows, ScaleLogs = scale, EnableTier2 = tier2 });
            var report = DatasetValidator.Validate(root);
            Assert.True(report.Passed, string.Join("\n", report.FailedChecks));
            Assert.Equal(tier2, report.Check(CheckNames.TxnFactsAgree)!.Applicable);
            Assert.Equal(rows * scale >= 10_000, report.Check(CheckNames.AppLogRowTarget)!.Applicable);
            Assert.Equal(tier2 ? 8 : 5, report.Checks.Count(c => c.Name.StartsWith("csv_", StringComparison.Ordinal)));
            // The small ones are too small for the statistical checks, which then say so instead of passing silently.
            Assert.Equal(rows * scale >= 20_000, report.Check(CheckNames.IncidentImpactedTransactions)!.Applicable);
            Assert.False(report.Check(CheckNames.TsoDefectBands)!.Applicable);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void AMissingFolderIsNotFound()
    {
        var e = Assert.Throws<DatasetFolderException>(() => DatasetValidator.Validate(TempPath()));
        Assert.Equal(DatasetProblem.NotFound, e.Problem);
    }

    [Fact]
    public void AFileOrAnUnrelatedFolderIsNotADataset()
    {
        var root = TempPath();
        Directory.CreateDirectory(root);
        try
        {
            var e = Assert.Throws<DatasetFolderException>(() => DatasetValidator.Validate(root));
            Assert.Equal(DatasetProblem.NotADataset, e.Problem);
            var file = Path.Combine(root, "notes.txt");
            File.WriteAllText(file, "hello");
            e = Assert.Throws<DatasetFolderException>(() => DatasetValidator.Validate(file));
            Assert.Equal(DatasetProblem.NotADataset, e.Problem);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("{\"time_range\": {\"start\": \"yesterday\", \"end\": \"today\"}}")]
    public void AMissingOrBrokenAnswerKeyIsGroundTruthUnreadable(string? content)
    {
        var root = TempPath();
        Directory.CreateDirectory(DatasetLayout.DataPath(root));
        try
        {
            if (content is not null)
            {
                File.WriteAllText(DatasetLayout.GroundTruthPath(root), content);
            }

            var e = Assert.Throws<DatasetFolderException>(() => DatasetValidator.Validate(root));
            Assert.Equal(DatasetProblem.GroundTruthUnreadable, e.Problem);
            Assert.Contains("ground_truth.json", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void AnAnswerKeyWithoutDataFailsChecksInsteadOfCrashing()
    {
        var root = TempPath();
        try
        {
            DatasetGenerator.Generate(root, new DatasetOptions { Seed = 9, AppLogRows = 2_000 });
            Directory.Delete(DatasetLayout.DataPath(root), recursive: true);
            var report = DatasetValidator.Validate(root);
            Assert.False(report.Passed);
            Assert.False(report.Check(CheckNames.FilesPresent)!.Passed);
            Assert.All(report.Checks.Where(c => c.Name.StartsWith("csv_", StringComparison.Ordinal)), c => Assert.False(c.Passed));
            Assert.StartsWith("cannot be evaluated", report.Check(CheckNames.SpanParents)!.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void CancellationStopsTheValidation()
    {
        var root = TempPath();
        try
        {
            DatasetGenerator.Generate(root, new DatasetOptions { Seed = 9, AppLogRows = 2_000 });
            using var cancel = new CancellationTokenSource();
            cancel.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => DatasetValidator.Validate(root, null, cancel.Token));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void ProgressGoesFromReadingToChecking()
    {
        var root = TempPath();
        try
        {
            DatasetGenerator.Generate(root, new DatasetOptions { Seed = 9, AppLogRows = 2_000 });
            var reports = new System.Collections.Concurrent.ConcurrentQueue<ValidationProgress>();
            DatasetValidator.Validate(root, new Inline(reports.Enqueue));
            Assert.Equal("Reading tables", reports.First().Stage);
            Assert.Equal("Checking", reports.Last().Stage);
            Assert.Contains(reports, r => r.Stage == "Reading tables" && r.PercentComplete == 98 && r.BytesRead == r.TotalBytes);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void TheSummaryFileHoldsEveryCheckWithItsFiguresAndThreshold()
    {
        var root = TempPath();
        try
        {
            DatasetGenerator.Generate(root, new DatasetOptions { Seed = 9, AppLogRows = 2_000 });
            var report = DatasetValidator.Validate(root);
            var path = Path.Combine(root, DatasetLayout.ValidationSummaryFile);
            report.Save(path);
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var top = doc.RootElement;
            Assert.True(top.GetProperty("passed").GetBoolean());
            var checks = top.GetProperty("checks").EnumerateArray().ToList();
            Assert.Equal(report.Checks.Count, checks.Count);
            var rowCounts = checks.Single(c => c.GetProperty("name").GetString() == CheckNames.RowCounts);
            Assert.True(rowCounts.GetProperty("passed").GetBoolean());
            Assert.Equal(report.Check(CheckNames.RowCounts)!.Figure("app_logs"), rowCounts.GetProperty("app_logs").GetInt64());
            Assert.All(checks, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("threshold").GetString())));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private sealed class Inline(Action<ValidationProgress> report) : IProgress<ValidationProgress>
    {
        public void Report(ValidationProgress value) => report(value);
    }
}
