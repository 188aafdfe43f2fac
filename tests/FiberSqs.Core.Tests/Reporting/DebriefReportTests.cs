using FiberSqs.Core.Files;
using FiberSqs.Core.Reporting;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Tests.Validation;

namespace FiberSqs.Core.Tests.Reporting;

/// <summary>Writing the report, and the datasets it refuses: a charted CSV missing, cut short or with rows missing; an
/// answer key whose times do not read.</summary>
public sealed class DebriefReportTests(ReportDataset data) : IClassFixture<ReportDataset>
{
    [Fact]
    public void A_symbolic_link_planted_at_the_target_is_replaced_not_followed()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fibersqs-report-out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var victim = Path.Combine(folder, "victim.txt");
            File.WriteAllText(victim, "keep me");
            var target = Path.Combine(folder, "debrief.html");
            File.CreateSymbolicLink(target, victim);
            var result = DebriefReport.Write(data.Folder, target, []);
            Assert.Equal("keep me", File.ReadAllText(victim));
            Assert.Null(new FileInfo(target).LinkTarget);
            Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(target), StringComparison.Ordinal);
            Assert.Equal(new FileInfo(target).Length, result.Bytes);
            Assert.Equal(["debrief.html", "victim.txt"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_folder_that_cannot_be_written_is_a_write_failure_and_leaves_nothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "fibersqs-no-such-folder-" + Guid.NewGuid().ToString("N"), "debrief.html");
        var e = Assert.Throws<ReportWriteException>(() => DebriefReport.Write(data.Folder, missing, []));
        Assert.Equal(missing, e.Path);
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public void A_missing_charted_csv_is_incomplete()
    {
        using var copy = new DatasetCopy(data.Root);
        File.Delete(copy.Csv(TableCatalog.InfraHostMetrics));
        var e = Assert.Throws<DatasetFolderException>(() => Build(copy));
        Assert.Equal(DatasetProblem.Incomplete, e.Problem);
        Assert.EndsWith("clickhouse-infra_host_metrics.csv", e.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_cut_in_the_middle_of_its_last_row_is_incomplete()
    {
        using var copy = new DatasetCopy(data.Root);
        var csv = DatasetCopy.Materialize(copy.Csv(TableCatalog.TsoCalls));
        var bytes = File.ReadAllBytes(csv);
        File.WriteAllBytes(csv, bytes[..(bytes.Length - 30)]);
        var e = Assert.Throws<DatasetFolderException>(() => Build(copy));
        Assert.Equal(DatasetProblem.Incomplete, e.Problem);
        Assert.Contains("1 of them without the header's 11 fields", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_with_rows_missing_is_incomplete()
    {
        using var copy = new DatasetCopy(data.Root);
        copy.Edit(TableCatalog.AppLogs, lines => lines.RemoveRange(lines.Count - 101, 100));
        var e = Assert.Throws<DatasetFolderException>(() => Build(copy));
        Assert.Equal(DatasetProblem.Incomplete, e.Problem);
        Assert.Contains($"holds {data.Folder.ExpectedRows(TableCatalog.AppLogs) - 100:N0} rows where ground_truth.json lists", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_key_time_that_does_not_read_is_unreadable()
    {
        using var copy = new DatasetCopy(data.Root);
        copy.EditTruth(t => t.Confounders[0].End = "the day after");
        var e = Assert.Throws<DatasetFolderException>(() => Build(copy));
        Assert.Equal(DatasetProblem.GroundTruthUnreadable, e.Problem);
        Assert.Contains("central_cpu_spike.end", e.Message, StringComparison.Ordinal);
    }

    private static string Build(DatasetCopy copy) => DebriefReport.Build(DatasetFolder.Open(copy.Root), [], null, CancellationToken.None).Html;
}
