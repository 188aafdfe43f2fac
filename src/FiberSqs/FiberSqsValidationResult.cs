using FiberSqs.Core.Validation;

namespace FiberSqs;

/// <summary>
/// The one validation result of every FiberSqs cmdlet: New-FiberSqsDataset's <c>.Validation</c> (the checks of the
/// files it wrote), Import-FiberSqsClickHouse's <c>.Validation</c> (the post-load checks of the database) and
/// Test-FiberSqsDataset's output (the files, and with -Uri the database, whose check names start with postload_).
/// </summary>
public sealed class FiberSqsValidationResult
{
    internal FiberSqsValidationResult(string path, ValidationReport? files, ValidationReport? database)
    {
        Path = path;
        FileChecks = files?.Checks ?? [];
        DatabaseChecks = database?.Checks ?? [];
        Checks = [.. FileChecks, .. DatabaseChecks];
        Passed = Checks.All(c => c.Passed);
        FailedChecks = [.. Checks.Where(c => !c.Passed)];
        Database = database?.Path;
        ChecksPassed = Checks.Count(c => c.Passed);
        ChecksFailed = Checks.Count - ChecksPassed;
        NotApplicable = Checks.Count(c => !c.Applicable);
        Elapsed = (files?.Elapsed ?? TimeSpan.Zero) + (database?.Elapsed ?? TimeSpan.Zero);
    }

    /// <summary>The files of a dataset folder, as written to validation_summary.json.</summary>
    internal static FiberSqsValidationResult OfFiles(ValidationReport files) => new(files.Path, files, null);

    /// <summary>A loaded database, as written to postload_validation.json.</summary>
    internal static FiberSqsValidationResult OfDatabase(string datasetPath, ValidationReport database) => new(datasetPath, null, database);

    /// <summary>The dataset folder (full path).</summary>
    public string Path { get; }

    /// <summary>True when every check passed.</summary>
    public bool Passed { get; }

    /// <summary>Every check, in order (the files', then the database's): name, Passed, Figures, Threshold, Message.</summary>
    public IReadOnlyList<ValidationCheck> Checks { get; }

    /// <summary>The checks of the dataset's files (empty for an import's result).</summary>
    public IReadOnlyList<ValidationCheck> FileChecks { get; }

    /// <summary>The post-load checks of the database (empty when no database was checked).</summary>
    public IReadOnlyList<ValidationCheck> DatabaseChecks { get; }

    public IReadOnlyList<ValidationCheck> FailedChecks { get; }
    public int ChecksPassed { get; }
    public int ChecksFailed { get; }

    /// <summary>Checks that did not apply to this dataset (too small for a rate band, no Tier 2); they count as passed.</summary>
    public int NotApplicable { get; }

    /// <summary>When a database was checked: the server URL and database (url/database); null otherwise.</summary>
    public string? Database { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>The check with that name, or null.</summary>
    public ValidationCheck? Check(string name) => Checks.FirstOrDefault(c => c.Name == name);

    public override string ToString() =>
        $"{(Passed ? "PASSED" : "FAILED")}: {ChecksPassed}/{Checks.Count} checks passed ({Path}{(Database is null ? "" : ", " + Database)})";
}
