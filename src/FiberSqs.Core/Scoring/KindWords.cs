using FiberSqs.Core.Scenarios;

namespace FiberSqs.Core.Scoring;

/// <summary>The words an answer may use for the root cause's kind: the four kind names and the answer key's
/// root_cause_type words, in any case, with <c>-</c> or a space for <c>_</c>.</summary>
internal static class KindWords
{
    private static readonly (string Word, string Kind)[] Words =
    [
        (ScenarioKinds.NetworkCircuitDegradation, ScenarioKinds.NetworkCircuitDegradation),
        (ScenarioKinds.HostSaturation, ScenarioKinds.HostSaturation),
        (ScenarioKinds.DependencyOutage, ScenarioKinds.DependencyOutage),
        (ScenarioKinds.DeploymentRegression, ScenarioKinds.DeploymentRegression),
        ("network", ScenarioKinds.NetworkCircuitDegradation),
        ("infra", ScenarioKinds.HostSaturation),
        ("host", ScenarioKinds.HostSaturation),
        ("dependency", ScenarioKinds.DependencyOutage),
        ("app", ScenarioKinds.DeploymentRegression),
        ("deployment", ScenarioKinds.DeploymentRegression),
    ];

    /// <summary>The words, for messages and help.</summary>
    public static string Allowed => string.Join(", ", Words.Select(w => w.Word));

    /// <summary>Each word with the kind it stands for, kind names first (for tab completion).</summary>
    public static IReadOnlyList<(string Word, string Kind)> Entries => Words;

    public static string? Parse(string? word)
    {
        var folded = (word ?? "").Trim().Replace('-', '_').Replace(' ', '_').ToLowerInvariant();
        return Words.FirstOrDefault(w => w.Word == folded).Kind;
    }

    /// <summary>The kind a confounder's component word stands for (infra, app, network, dependency), for keys written
    /// without scenario.confounder_kinds (the classic's).</summary>
    public static string? OfConfounderComponent(string? component) => Parse(component);
}
