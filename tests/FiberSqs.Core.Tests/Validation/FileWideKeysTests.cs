using FiberSqs.Core.Files;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation;
using FiberSqs.Core.Validation.Collectors;

namespace FiberSqs.Core.Tests.Validation;

/// <summary>The second read for the file-wide key sets: the same keys however the file is cut into chunks, and a
/// refusal (IOException naming the file) when the file is not the one the scan read.</summary>
public sealed class FileWideKeysTests(ValidDataset data) : IClassFixture<ValidDataset>
{
    private static TableResult Scanned(string path, TableSchema table) =>
        new(table, path) { Exists = true, Bytes = new FileInfo(path).Length };

    private SpanKeyCollector SpanKeys(long chunkBytes, string? root = null)
    {
        var path = DatasetLayout.CsvPath(root ?? data.Root, TableCatalog.TraceSpans);
        return FileWideKeys.Read<SpanKeyCollector>(Scanned(path, TableCatalog.TraceSpans), new ScanContext(data.Truth), chunkBytes, default);
    }

    private static long[] All(SortedRuns runs)
    {
        using var keys = NativeKeys.From(runs);
        return keys.Keys.ToArray();
    }

    [Fact]
    public void SmallChunksGiveTheSameSpanKeysAsOneChunk()
    {
        var whole = SpanKeys(CsvChunk.TargetBytes * 64);
        var cut = SpanKeys(16 << 10);
        Assert.Single(whole.Spans.Runs);
        Assert.True(cut.Spans.Runs.Count() > 10, "the small chunks should cut the file many times");
        var rows = ReportAssert.Check(data.Report, CheckNames.SpanParents).Figure("spans");
        Assert.Equal(rows, whole.Spans.Count);
        Assert.Equal(rows, cut.Spans.Count);
        Assert.Equal(All(whole.Spans), All(cut.Spans));
        Assert.Equal(All(whole.ParentRefs), All(cut.ParentRefs));
        Assert.Equal(All(whole.RootTraces), All(cut.RootTraces));
        Assert.Equal(ReportAssert.Check(data.Report, CheckNames.SpanParents).Figure("root_spans"), cut.RootTraces.Count);
    }

    [Fact]
    public void TransactionKeysDropRepeatsAndKeepOneFinalPerTransaction()
    {
        var path = DatasetLayout.CsvPath(data.Root, TableCatalog.AppLogs);
        var keys = FileWideKeys.Read<TransactionKeyCollector>(Scanned(path, TableCatalog.AppLogs), new ScanContext(data.Truth), 16 << 10, default);
        var transactions = ReportAssert.Check(data.Report, CheckNames.AppLogTransactions).Figure("transactions");
        using var referenced = NativeKeys.From(keys.ReferencedIds);
        using var finals = NativeKeys.From(keys.FinalIds);
        Assert.Equal(transactions, (long)referenced.Count);
        Assert.Equal(transactions, (long)finals.Count);
        Assert.Equal(0, finals.Repeats);
    }

    [Fact]
    public void AFileThatChangedSinceTheScanIsRefused()
    {
        using var copy = data.Copy();
        var path = copy.Csv(TableCatalog.TraceSpans);
        var scanned = Scanned(DatasetCopy.Materialize(path), TableCatalog.TraceSpans);
        File.AppendAllText(path, "x\n");
        var e = Assert.Throws<IOException>(() =>
            FileWideKeys.Read<SpanKeyCollector>(scanned, new ScanContext(data.Truth), 16 << 10, default));
        Assert.Contains("trace_spans.csv changed while it was validated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileGoneSinceTheScanIsRefused()
    {
        using var copy = data.Copy();
        var path = copy.Csv(TableCatalog.TraceSpans);
        var scanned = Scanned(path, TableCatalog.TraceSpans);
        File.Delete(path);
        Assert.ThrowsAny<IOException>(() =>
            FileWideKeys.Read<SpanKeyCollector>(scanned, new ScanContext(data.Truth), 16 << 10, default));
    }

    [Fact]
    public void ACancelledReadStops()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var path = DatasetLayout.CsvPath(data.Root, TableCatalog.TraceSpans);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            FileWideKeys.Read<SpanKeyCollector>(Scanned(path, TableCatalog.TraceSpans), new ScanContext(data.Truth), 16 << 10, cancelled.Token));
    }
}
