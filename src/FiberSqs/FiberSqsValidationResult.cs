using FiberSqs.Core.Validation;

namespace FiberSqs;

/// <summary>What Test-FiberSqsDataset returns: the overall outcome and one record per check (the dataset's, then
/// with -Uri the database's, whose names start with postload_).</summary>
public sealed class FiberSqsValidationResult
{
    internal FiberSqsValidationResult(ValidationReport files, ValidationReport? database = null)
    {
        Path = files.Path;
        Passed = files.Passed && (database?.Passed ?? true);
        Checks = [.. files.Checks, .. database?.Checks ?? []];
        FailedChecks = [.. Checks.Where(c => !c.Passed)];
        DatabaseReport = database;
        Database = database?.Path;
        ChecksPassed = Checks.Count(c => c.Passed);
        ChecksFailed = Checks.Count - ChecksPassed;
        NotApplicable = Checks.Count(c => !c.Applicable);
        Report = files;
        Elapsed = files.Elapsed + (database?.Elapsed ?? TimeSpan.Zero);
    }

    /// <summary>The dataset folder (full path).</summary>
    public string Path { get; }

    /// <summary>True when every check passed.</summary>
    public bool Passed { get; }

    /// <summary>Every check, in order: name, Passed, Figures, Threshold, Message.</summary>
    public IReadOnlyList<ValidationCheck> Checks { get; }

    public IReadOnlyList<ValidationCheck> FailedChecks { get; }
    public int ChecksPassed { get; }
    public int ChecksFailed { get; }

    /// <summary>Checks that did not apply to this dataset (too small for a rate band, no Tier 2); they count as passed.</summary>
    public int NotApplicable { get; }

    /// <summary>The dataset's report (Save(path) writes it as validation_summary.json).</summary>
    public ValidationReport Report { get; }

    /// <summary>With -Uri: the post-load report (as in postload_validation.json); null otherwise.</summary>
    public ValidationReport? DatabaseReport { get; }

    /// <summary>With -Uri: the server URL and database checked (url/database); null otherwise.</summary>
    public string? Database { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>The check with that name, or null.</summary>
    public ValidationCheck? Check(string name) => Checks.FirstOrDefault(c => c.Name == name);

    public override string ToString() =>
        $"{(Passed ? "PASSED" : "FAILED")}: {ChecksPassed}/{Checks.Count} checks passed ({Path}{(Database is null ? "" : ", " + Database)})";
}
