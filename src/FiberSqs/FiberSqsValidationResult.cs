using FiberSqs.Core.Validation;

namespace FiberSqs;

/// <summary>What Test-FiberSqsDataset returns: the overall outcome and one record per check.</summary>
public sealed class FiberSqsValidationResult
{
    internal FiberSqsValidationResult(ValidationReport files)
    {
        Path = files.Path;
        Passed = files.Passed;
        Checks = files.Checks;
        FailedChecks = files.FailedChecks;
        ChecksPassed = Checks.Count(c => c.Passed);
        ChecksFailed = Checks.Count - ChecksPassed;
        NotApplicable = Checks.Count(c => !c.Applicable);
        Report = files;
        Elapsed = files.Elapsed;
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

    /// <summary>The core report (Save(path) writes it as validation_summary.json).</summary>
    public ValidationReport Report { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>The check with that name, or null.</summary>
    public ValidationCheck? Check(string name) => Report.Check(name);

    public override string ToString() => Report.ToString();
}
