using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Tests.Generation;

namespace FiberSqs.Core.Tests.Files;

/// <summary>The life of a dataset folder in the engine: checked target, staged write, validated, swapped in with every
/// path final, or rolled back leaving what was there.</summary>
public sealed class DatasetProductionTests : IDisposable
{
    private static readonly DatasetOptions Small = new() { Seed = 7, AppLogRows = 2000 };
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fibersqs-prod-" + Guid.NewGuid().ToString("N")[..12]);

    public DatasetProductionTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string At(string name) => Path.Combine(_root, name);

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), TestCsv.Sha256);

    [Fact]
    public void A_run_reports_every_path_as_it_is_after_the_swap_and_leaves_no_staging_folder()
    {
        var target = At("ds");
        var produced = DatasetProduction.Run(target, Small with { Zip = true }, replace: false);
        Assert.Equal(target, produced.Generation.Path);
        Assert.All(produced.Generation.Tables, t => Assert.Equal(Path.Combine(target, "data", "clickhouse-" + t.Table + ".csv"), t.Path));
        Assert.All(produced.Generation.Tables, t => Assert.True(File.Exists(t.Path)));
        Assert.Equal(Path.Combine(target, DatasetLayout.ZipFile), produced.Generation.ZipPath);
        Assert.Equal(target, produced.Validation.Path);
        Assert.True(produced.Validation.Passed, string.Join("\n", produced.Validation.FailedChecks));
        Assert.True(File.Exists(Path.Combine(target, DatasetLayout.ValidationSummaryFile)));
        Assert.False(produced.Replaced);
        Assert.Equal(["ds"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_swap_whose_second_move_fails_puts_the_previous_dataset_back_as_it_was()
    {
        var target = At("ds");
        DatasetProduction.Run(target, Small, replace: false);
        var before = Hashes(target);
        var moves = 0;
        void FailingSecondMove(string from, string to)
        {
            if (++moves == 2)
            {
                throw new IOException("disk full (a test)");
            }

            Directory.Move(from, to);
        }

        var e = Assert.Throws<IOException>(() => DatasetProduction.Run(target, Small with { Seed = 8 }, replace: true, FailingSecondMove, null, default));
        Assert.Contains("a test", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, moves); // previous aside, the failed move in, previous back
        Assert.Equal(before, Hashes(target));
        Assert.Equal(["ds"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_cancelled_run_rolls_back_and_the_previous_dataset_stays()
    {
        var target = At("ds");
        DatasetProduction.Run(target, Small, replace: false);
        var before = Hashes(target);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => DatasetProduction.Run(target, Small with { Seed = 8 }, replace: true, null, cancel.Token));
        Assert.Equal(before, Hashes(target));
        Assert.Equal(["ds"], Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(nameof(TargetProblem.IsFile))]
    [InlineData(nameof(TargetProblem.NotOwned))]
    [InlineData(nameof(TargetProblem.AlreadyExists))]
    public void A_target_that_cannot_be_written_is_refused_before_anything_is_written(string name)
    {
        var problem = Enum.Parse<TargetProblem>(name);
        var target = At("ds");
        switch (problem)
        {
            case TargetProblem.IsFile:
                File.WriteAllText(target, "a file");
                break;
            case TargetProblem.NotOwned:
                Directory.CreateDirectory(target);
                File.WriteAllText(Path.Combine(target, "notes.txt"), "mine");
                break;
            default:
                DatasetProduction.Run(target, Small, replace: false);
                break;
        }

        var entries = Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories).Order().ToList();
        var e = Assert.Throws<DatasetTargetException>(() => DatasetProduction.Run(target, Small with { Seed = 9 }, replace: false));
        Assert.Equal(problem, e.Problem);
        Assert.Equal(entries, Directory.EnumerateFileSystemEntries(_root, "*", SearchOption.AllDirectories).Order());
    }
}
