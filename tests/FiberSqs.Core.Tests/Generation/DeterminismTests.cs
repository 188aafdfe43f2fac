using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;

namespace FiberSqs.Core.Tests.Generation;

public sealed class DeterminismTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fibersqs-det-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private Dictionary<string, string> Hashes(DatasetOptions options, string name)
    {
        var path = Path.Combine(_root, name);
        DatasetGenerator.Generate(path, options);
        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(path, f), TestCsv.Sha256);
    }

    [Fact]
    public void OneThreadAndManyThreadsWriteByteIdenticalFiles()
    {
        var options = new DatasetOptions { Seed = 3, AppLogRows = 50_000, EnableTier2 = true, Zip = true };
        var one = Hashes(options with { MaxDegreeOfParallelism = 1 }, "one");
        var many = Hashes(options with { MaxDegreeOfParallelism = 5 }, "many");
        Assert.Equal(12, one.Count); // 8 CSVs, README, ground truth, marker, zip, and nothing else
        Assert.Equal(one, many);
    }

    [Theory]
    [InlineData("app_logs", "F5388AED26951A0FAD0EE35C01536D1EEA760E77D052D344990CCB14BD7CA078")]
    [InlineData("trace_spans", "3C57101425317B68B25D273E7221EFB20D170B236673D133C9251C8C5194B1E3")]
    [InlineData("network_circuit_metrics", "337C624DB76D6FE27287426401EA1B4238097F22D2C7E445E7541F34C1541876")]
    [InlineData("infra_host_metrics", "FC832C16AC5471C13BF50C5148083994AABE5C12A1F2CD8C8916333316142DF3")]
    [InlineData("tso_calls", "6C26A59C4B42229376EBAE0BEA173B6FD9904C40E7822DF49D8B3FB3AB7415C2")]
    [InlineData("service_metrics", "1FF96724DFD1BF5E15A0489B0A66AED31223B6630B8F2BD9A90DDD969DB21FB4")]
    [InlineData("network_events", "C26FBD557E2E5D082790ABCF7992BB7EFF62499D8EE138C35D8A5D514F34DCFB")]
    [InlineData("txn_facts", "64D69A4DC2807655578213A94F0EB919297D5D2DF00337DA409C594901053106")]
    public void ASeedsOutputIsPinned(string table, string sha256)
    {
        // Any change to the model, a sampler or a stream changes these: that is a new output for every existing
        // seed, so bump Prng.AlgorithmVersion (recorded in ground_truth.json) and update the hashes together.
        var path = Path.Combine(_root, "golden");
        if (!Directory.Exists(path))
        {
            DatasetGenerator.Generate(path, new DatasetOptions { Seed = 7, AppLogRows = 2000, EnableTier2 = true });
        }

        Assert.Equal(sha256, TestCsv.Sha256(Path.Combine(path, "data", $"clickhouse-{table}.csv")));
    }

    [Fact]
    public void DifferentSeedsGiveDifferentData()
    {
        var a = Hashes(new DatasetOptions { Seed = 1, AppLogRows = 20_000 }, "a");
        var b = Hashes(new DatasetOptions { Seed = 2, AppLogRows = 20_000 }, "b");
        foreach (var file in a.Keys.Where(k => k.EndsWith(".csv", StringComparison.Ordinal) || k.EndsWith(".json", StringComparison.Ordinal)))
        {
            Assert.NotEqual(a[file], b[file]);
        }
    }

    [Theory]
    [InlineData(7, 15_000)]
    [InlineData(8, 60_000)]
    [InlineData(9, 250_000)]
    [InlineData(123456789, 10_000)]
    public void AppLogRowsLandWithinTwoPercentAtAnyScaleAndSeed(long seed, long target)
    {
        var path = Path.Combine(_root, "scale");
        var result = DatasetGenerator.Generate(path, new DatasetOptions { Seed = seed, AppLogRows = target });
        var rows = result.Tables.Single(t => t.Table == "app_logs").Rows;
        Assert.InRange(rows, target * 0.98, target * 1.02);
        Directory.Delete(path, recursive: true);
    }

    [Fact]
    public void ScaleLogsMultipliesTheTarget()
    {
        var path = Path.Combine(_root, "scaled");
        var result = DatasetGenerator.Generate(path, new DatasetOptions { AppLogRows = 15_000_000, ScaleLogs = 0.002 });
        Assert.Equal(30_000, result.GroundTruth.Generation.Parameters.AppLogRowsTarget);
        Assert.InRange(result.Tables.Single(t => t.Table == "app_logs").Rows, 29_400, 30_600);
        Assert.Equal(5, result.Tables.Count); // Tier 1 only without EnableTier2
        Assert.Null(result.ZipPath);
    }

    [Fact]
    public void MetricsTablesAreFixedByTheirTimeGrid()
    {
        var small = DatasetGenerator.Generate(Path.Combine(_root, "s"), new DatasetOptions { AppLogRows = 5_000 });
        Assert.Equal(10080 * 21, small.Tables.Single(t => t.Table == "network_circuit_metrics").Rows);
        Assert.Equal(2016 * 60, small.Tables.Single(t => t.Table == "infra_host_metrics").Rows);
    }

    [Theory]
    [InlineData(-1L, 100L, 1.0)]
    [InlineData(7L, 0L, 1.0)]
    [InlineData(7L, 1000L, double.NaN)]
    [InlineData(7L, 1000L, double.PositiveInfinity)]
    [InlineData(7L, 1000L, -1.0)]
    [InlineData(7L, 1000L, 0.01)]
    [InlineData(7L, 50_000_000L, 2.0)]
    public void BadOptionsAreRefusedBeforeAnythingIsWritten(long seed, long rows, double scale)
    {
        var path = Path.Combine(_root, "bad");
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            DatasetGenerator.Generate(path, new DatasetOptions { Seed = seed, AppLogRows = rows, ScaleLogs = scale }));
        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void ANonEmptyFolderIsNeverWrittenInto()
    {
        var path = Path.Combine(_root, "taken");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "keep.txt"), "mine");
        Assert.Throws<IOException>(() => DatasetGenerator.Generate(path, new DatasetOptions { AppLogRows = 1000 }));
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(path).Select(Path.GetFileName));
    }

    [Fact]
    public void CancellationStopsPromptly()
    {
        // Time from the cancel to the throw only: reaching 10% depends on how busy the machine is.
        using var cts = new CancellationTokenSource();
        System.Diagnostics.Stopwatch? sinceCancel = null;
        var progress = new SyncProgress(p =>
        {
            if (p.PercentComplete >= 10 && sinceCancel is null)
            {
                sinceCancel = System.Diagnostics.Stopwatch.StartNew();
                cts.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() =>
            DatasetGenerator.Generate(Path.Combine(_root, "cancel"), new DatasetOptions { AppLogRows = 20_000_000 }, progress, cts.Token));
        Assert.NotNull(sinceCancel);
        Assert.True(sinceCancel!.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {sinceCancel.Elapsed}");
    }

    [Fact]
    public void TheMarkerSaysTheModuleWroteTheFolder()
    {
        var path = Path.Combine(_root, "marked");
        DatasetGenerator.Generate(path, new DatasetOptions { AppLogRows = 1_000 });
        Assert.True(DatasetMarker.IsPresent(path));
        File.WriteAllText(DatasetLayout.MarkerPath(path), "{\"written_by\": \"someone else\"}");
        Assert.False(DatasetMarker.IsPresent(path));
        File.WriteAllText(DatasetLayout.MarkerPath(path), "not json");
        Assert.False(DatasetMarker.IsPresent(path));
    }

    /// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<GenerationProgress> report) : IProgress<GenerationProgress>
    {
        public void Report(GenerationProgress value) => report(value);
    }
}
