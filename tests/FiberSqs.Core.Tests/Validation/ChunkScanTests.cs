using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Validation;

/// <summary>The generic parse pass on small hand-built CSVs: every kind of malformed row is counted and located,
/// and cutting a file into chunks changes nothing.</summary>
public sealed class ChunkScanTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "fibersqs-chunk-" + Guid.NewGuid().ToString("N"));
    private static readonly ScanContext Context = new(new GroundTruth
    {
        TimeRange = new TimeRange { Start = "2025-12-01T00:00:00Z", End = "2025-12-08T00:00:00Z" },
        PrimaryIncident = new PrimaryIncident { Start = "2025-12-03T12:20:00Z", End = "2025-12-05T18:10:00Z", FixTime = "2025-12-05T18:15:00Z" },
    });

    private const string Header = "timestamp,region,host,cpu_pct,mem_pct,disk_io_util_pct,net_errs_per_s";

    public ChunkScanTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private TableResult Scan(string content, long chunkBytes = CsvChunk.TargetBytes)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, content);
        var table = TableCatalog.InfraHostMetrics;
        var result = new TableResult(table, path) { Exists = true };
        using var handle = File.OpenHandle(path);
        result.Bytes = RandomAccess.GetLength(handle);
        var chunks = CsvChunk.Plan(handle, result.Bytes, chunkBytes);
        result.Add(chunks.Select(c => ChunkScan.Run(table, handle, c, Context, null, default)).ToList());
        return result;
    }

    private static string Row(int minute, string cpu = "31.58") =>
        $"2025-12-01T00:{minute:00}:00Z,east,fibersqs-prod-east-host02,{cpu},43.46,34.02,0.045\n";

    [Fact]
    public void AGoodFileHasNoProblems()
    {
        var r = Scan(Header + "\n" + Row(0) + Row(5) + Row(10));
        Assert.True(r.HeaderOk);
        Assert.Equal(3, r.Rows);
        Assert.Equal(0, r.ParseProblems);
        Assert.Equal(3, r.TimestampsChecked);
        Assert.Null(r.FirstProblemLine);
    }

    [Fact]
    public void AWrongHeaderIsReported()
    {
        var r = Scan(Header.Replace("cpu_pct", "cpu", StringComparison.Ordinal) + "\n" + Row(0));
        Assert.False(r.HeaderOk);
        Assert.Equal("cpu", r.Header![3]);
    }

    [Fact]
    public void ShortAndLongRowsAreCountedWithTheirLine()
    {
        var r = Scan(Header + "\n" + Row(0) + "2025-12-01T00:05:00Z,east\n" + Row(10).TrimEnd('\n') + ",extra\n");
        Assert.Equal(3, r.Rows);
        Assert.Equal(2, r.WrongFieldCount);
        Assert.Equal(3, r.FirstProblemLine);
        Assert.Contains("2 fields where the header has 7", r.FirstProblem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "not a number")]
    [InlineData("1.5.2", "not a number")]
    [InlineData("NaN", "not a number")]
    [InlineData("", "is empty")]
    public void ABadOrMissingNumberIsCounted(string cpu, string what)
    {
        var r = Scan(Header + "\n" + Row(0) + Row(5, cpu));
        Assert.Equal(1, r.BadNumbers + r.EmptyRequired);
        Assert.Equal(3, r.FirstProblemLine);
        Assert.Contains(what, r.FirstProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadTimestampAndOneOutsideTheWindowAreDifferentThings()
    {
        var r = Scan(Header + "\n" + Row(0).Replace("2025-12-01T", "2025-12-01 ", StringComparison.Ordinal)
            + Row(5).Replace("2025-12-01", "2025-12-08", StringComparison.Ordinal));
        Assert.Equal(1, r.BadTimestamps);
        Assert.Equal(2, r.FirstProblemLine);
        Assert.Equal(1, r.OutsideWindow);
        Assert.Equal(3, r.FirstOutsideLine);
    }

    [Fact]
    public void AQuotedFieldWithACommaIsOneField()
    {
        var r = Scan(Header + "\n" + Row(0).Replace(",east,", ",\"east, really\",", StringComparison.Ordinal));
        Assert.Equal(0, r.ParseProblems);
    }

    [Fact]
    public void AnEmptyLineIsAMalformedRow()
    {
        var r = Scan(Header + "\n" + Row(0) + "\n" + Row(5));
        Assert.Equal(3, r.Rows);
        Assert.Equal(1, r.WrongFieldCount);
        Assert.Equal(3, r.FirstProblemLine);
    }

    [Fact]
    public void AnEmptyFileHasNoHeader()
    {
        var r = Scan("");
        Assert.Null(r.Header);
        Assert.False(r.HeaderOk);
        Assert.Equal(0, r.Rows);
    }

    [Fact]
    public void ChunksGiveTheSameCountsAndAbsoluteLines()
    {
        var text = Header + "\n" + string.Concat(Enumerable.Range(0, 500).Select(i => Row(i % 60, i == 437 ? "x" : "31.58")));
        var whole = Scan(text);
        var chunked = Scan(text, chunkBytes: 1000);
        Assert.Equal(500, whole.Rows);
        Assert.Equal(whole.Rows, chunked.Rows);
        Assert.Equal(1, chunked.BadNumbers);
        Assert.Equal(439, whole.FirstProblemLine);
        Assert.Equal(439, chunked.FirstProblemLine);
        Assert.Equal(whole.TimestampsChecked, chunked.TimestampsChecked);
    }

    [Fact]
    public void ChunkBoundariesFallJustAfterLineBreaks()
    {
        var path = Path.Combine(_dir, "plan.csv");
        File.WriteAllText(path, "aaaa\nbbbbbbbb\ncc\ndddddd\n");
        using var handle = File.OpenHandle(path);
        var chunks = CsvChunk.Plan(handle, RandomAccess.GetLength(handle), 5);
        Assert.Equal(new long[] { 0, 5, 14 }, chunks.Select(c => c.Start));
        Assert.Equal(new long[] { 5, 14, 24 }, chunks.Select(c => c.End));
    }
}
