using System.Diagnostics;
using System.Text;
using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;

namespace FiberSqs.Core.Reporting;

/// <summary>
/// The trainer's debrief (docs/report.md): reads the dataset's four charted tables once, draws the charts, writes the
/// answer key in words and the class's scores into one self-contained HTML file. The file is written atomically
/// (<see cref="AtomicFile"/>): a new file beside the target, renamed over it, so a reader never sees half of it and a
/// symbolic link planted at the target is replaced, never followed.
/// </summary>
internal static class DebriefReport
{
    /// <summary>What the page says wrote it.</summary>
    public static string Generator => DatasetGenerator.GeneratorName + " Export-FiberSqsReport";

    /// <summary>The report's file when none is named: debrief.html in the dataset folder.</summary>
    public const string DefaultFileName = DatasetLayout.DebriefFile;

    /// <exception cref="DatasetFolderException">A table is missing, truncated or damaged (Incomplete), or the answer key
    /// holds a time that does not read (GroundTruthUnreadable).</exception>
    /// <exception cref="ReportWriteException">The file could not be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled.</exception>
    public static DebriefResult Write(DatasetFolder folder, string outFile, IReadOnlyList<ReportScore> scores,
        IProgress<ReportProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentException.ThrowIfNullOrEmpty(outFile);
        var clock = Stopwatch.StartNew();
        var (html, content) = Build(folder, scores, progress, cancel);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html);
        cancel.ThrowIfCancellationRequested();
        progress?.Report(new ReportProgress("Writing the report", 99, 0, 0));
        try
        {
            AtomicFile.WriteAllBytes(outFile, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportWriteException(outFile, $"The report cannot be written to '{outFile}': {e.Message}", e);
        }

        return new DebriefResult(Path.GetFullPath(outFile), bytes.LongLength, [.. content.Charts.Select(c => c.Id)],
            content.Scores?.Teams.Count ?? 0, content.RowsRead, clock.Elapsed);
    }

    /// <summary>The page and what it was made from, without writing it.</summary>
    internal static (string Html, DebriefContent Content) Build(DatasetFolder folder, IReadOnlyList<ReportScore> scores,
        IProgress<ReportProgress>? progress, CancellationToken cancel, long chunkBytes = Validation.CsvChunk.TargetBytes)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(scores);
        DebriefStory story;
        try
        {
            story = DebriefStory.From(folder.GroundTruth);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetFolderException(DatasetProblem.GroundTruthUnreadable, DatasetLayout.GroundTruthPath(folder.Root), e.Message, e);
        }

        var grid = new HourGrid(story.Week.Start, story.Week.End);
        var totals = ReportReader.Read(folder, grid, progress, cancel, chunkBytes);
        progress?.Report(new ReportProgress("Drawing the charts", 96, 0, 0));
        var charts = Charts(totals, story);
        var content = new DebriefContent(story, charts, scores.Count == 0 ? null : new ClassSummary(scores), totals.Rows,
            Path.GetFileName(folder.Root.TrimEnd(Path.DirectorySeparatorChar)), Generator);
        return (DebriefHtml.Render(content), content);
    }

    /// <summary>Every chart, in the page's order: the timeline, the region charts, the component against its peers, CPU
    /// per region, support calls.</summary>
    internal static IReadOnlyList<ReportChart> Charts(ReportTotals totals, DebriefStory story) =>
    [
        TimelineChart.Build(story, totals.Grid),
        RegionCharts.LatencyP95(totals, story),
        RegionCharts.TimeoutRate(totals, story),
        .. ComponentCharts.Build(totals, story),
        RegionCharts.Cpu(totals, story),
        SupportCallsChart.Build(totals, story),
    ];
}
