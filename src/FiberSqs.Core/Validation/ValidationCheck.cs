namespace FiberSqs.Core.Validation;

/// <summary>
/// One check of a validation (docs/validation.md): its name, pass/fail, the figures it measured (in order), the
/// threshold it applied and a one-line message. Used for the dataset checks and for the post-load checks.
/// </summary>
public sealed class ValidationCheck
{
    private static readonly HashSet<string> Reserved = ["name", "passed", "applicable", "threshold", "message"];

    /// <param name="name">Stable snake_case name (e.g. <c>row_counts</c>).</param>
    /// <param name="passed">Whether the figures meet the threshold.</param>
    /// <param name="figures">Measured figures, in the order they should be shown and written.</param>
    /// <param name="threshold">What the check requires, in words and numbers (e.g. <c>within 2% of target</c>).</param>
    /// <param name="message">One line for a person: what was found (for a failure: where and what to do).</param>
    /// <param name="applicable">False when the check does not apply to this dataset (e.g. too few calls for a
    /// rate band); such a check counts as passed.</param>
    public ValidationCheck(string name, bool passed, IEnumerable<ValidationFigure> figures, string threshold, string message,
        bool applicable = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(figures);
        var list = figures.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in list)
        {
            if (Reserved.Contains(f.Name) || !seen.Add(f.Name))
            {
                throw new ArgumentException($"Check {name}: figure name '{f.Name}' is reserved or repeated.", nameof(figures));
            }
        }

        Name = name;
        Applicable = applicable;
        Passed = passed || !applicable;
        Figures = list;
        Threshold = threshold ?? "";
        Message = message ?? "";
    }

    public string Name { get; }
    public bool Passed { get; }

    /// <summary>False when the check did not apply (it then counts as passed).</summary>
    public bool Applicable { get; }

    public IReadOnlyList<ValidationFigure> Figures { get; }
    public string Threshold { get; }
    public string Message { get; }

    /// <summary>The value of the named figure, or null when there is none.</summary>
    public object? Figure(string name) => Figures.FirstOrDefault(f => f.Name == name)?.Value;

    /// <summary>Figures as one line: <c>a=1; b=2.5</c>.</summary>
    public string FiguresText => string.Join("; ", Figures);

    public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} {Name}: {Message}";
}
