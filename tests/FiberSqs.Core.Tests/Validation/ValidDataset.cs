using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Validation;

/// <summary>A small good dataset (40,000 app-log rows, Tier 2), generated once per test class, that the damage
/// tests copy and break; deleted at the end.</summary>
public sealed class ValidDataset : IDisposable
{
    internal static readonly DatasetOptions Options = new() { Seed = 5, AppLogRows = 40_000, EnableTier2 = true };

    public ValidDataset()
    {
        Root = Path.Combine(Path.GetTempPath(), "fibersqs-val-" + Guid.NewGuid().ToString("N"));
        DatasetGenerator.Generate(Root, Options);
        Truth = GroundTruth.Load(DatasetLayout.GroundTruthPath(Root));
        Report = DatasetValidator.Validate(Root);
    }

    public string Root { get; }
    public GroundTruth Truth { get; }

    /// <summary>The validation of the intact dataset.</summary>
    internal ValidationReport Report { get; }

    /// <summary>A copy whose files are symbolic links to this dataset's; <see cref="DatasetCopy.Edit"/> makes a
    /// file real before it is changed.</summary>
    internal DatasetCopy Copy() => new(Root);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>A throw-away copy of a dataset folder, cheap to make (links) and to damage.</summary>
internal sealed class DatasetCopy : IDisposable
{
    public DatasetCopy(string source)
    {
        Root = Path.Combine(Path.GetTempPath(), "fibersqs-damaged-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.CreateSymbolicLink(target, file);
        }
    }

    public string Root { get; }

    public string Csv(TableSchema table) => DatasetLayout.CsvPath(Root, table);

    public string GroundTruthPath => DatasetLayout.GroundTruthPath(Root);

    /// <summary>Replaces a linked file by a real copy, so it can be changed without touching the source.</summary>
    public static string Materialize(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            var bytes = File.ReadAllBytes(target);
            File.Delete(path);
            File.WriteAllBytes(path, bytes);
        }

        return path;
    }

    /// <summary>Rewrites a file's lines (split at \n; the header is line 0; the final empty piece is kept).</summary>
    public static void EditLines(string path, Action<List<string>> change)
    {
        Materialize(path);
        var lines = File.ReadAllText(path).Split('\n').ToList();
        change(lines);
        File.WriteAllText(path, string.Join('\n', lines));
    }

    public void Edit(TableSchema table, Action<List<string>> change) => EditLines(Csv(table), change);

    public void EditTruth(Action<GroundTruth> change)
    {
        Materialize(GroundTruthPath);
        var truth = GroundTruth.Load(GroundTruthPath);
        change(truth);
        truth.Save(GroundTruthPath);
    }

    public ValidationReport Validate() => DatasetValidator.Validate(Root);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

internal static class ReportAssert
{
    /// <summary>Exactly these checks fail; every other check passes.</summary>
    public static void FailsExactly(ValidationReport report, params string[] names)
    {
        var failed = report.FailedChecks.Select(c => c.Name).Order().ToArray();
        Assert.True(names.Order().SequenceEqual(failed),
            $"expected to fail: [{string.Join(", ", names.Order())}]; failed: [{string.Join(", ", failed)}]\n" +
            string.Join("\n", report.FailedChecks.Select(c => $"  {c.Name}: {c.Message}")));
        Assert.False(report.Passed);
    }

    public static ValidationCheck Check(ValidationReport report, string name) =>
        report.Check(name) ?? throw new Xunit.Sdk.XunitException($"no check named {name}");

    /// <summary>Splits a CSV line of a table that never quotes (spans, metrics, txn_facts).</summary>
    public static string[] Fields(string line) => line.Split(',');
}
