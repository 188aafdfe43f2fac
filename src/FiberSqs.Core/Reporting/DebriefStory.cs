using System.Globalization;
using FiberSqs.Core.Model;
using FiberSqs.Core.Scenarios;

namespace FiberSqs.Core.Reporting;

/// <summary>
/// The answer key read for the debrief: the incident's kind and component, its window, bursts and fix, and each
/// confounder with its kind. The classic's key has no scenario record: its kind is network_circuit_degradation and
/// its confounders' kinds follow from their components (infra: host_saturation, app: deployment_regression).
/// </summary>
internal sealed class DebriefStory
{
    private DebriefStory(GroundTruth truth)
    {
        var incident = truth.PrimaryIncident;
        Truth = truth;
        Week = new TimeWindow(Instant(truth.TimeRange.Start, "time_range.start"), Instant(truth.TimeRange.End, "time_range.end"));
        Kind = truth.Exercise?.IncidentKind is { Length: > 0 } kind ? kind : KindOfCause(incident.RootCauseType);
        Incident = new TimeWindow(Instant(incident.Start, "primary_incident.start"), Instant(incident.End, "primary_incident.end"));
        FixTime = Instant(incident.FixTime, "primary_incident.fix_time");
        Bursts = [.. incident.Bursts.Select((b, i) => new TimeWindow(Instant(b.Start, $"bursts[{i}].start"), Instant(b.End, $"bursts[{i}].end")))
            .OrderBy(b => b.Start)];
        Confounders = [.. truth.Confounders.Select(c => new DebriefConfounder(c.Name,
            truth.Exercise?.ConfounderKinds.GetValueOrDefault(c.Name) is { Length: > 0 } k ? k : KindOfComponent(c.Component),
            c.Component, c.Region, new TimeWindow(Instant(c.Start, c.Name + ".start"), Instant(c.End, c.Name + ".end")),
            c.Description, c.Observed))];
    }

    public GroundTruth Truth { get; }

    public PrimaryIncident Primary => Truth.PrimaryIncident;

    /// <summary>network_circuit_degradation, host_saturation, dependency_outage or deployment_regression.</summary>
    public string Kind { get; }

    public TimeWindow Week { get; }

    public TimeWindow Incident { get; }

    public DateTime FixTime { get; }

    public IReadOnlyList<TimeWindow> Bursts { get; }

    public IReadOnlyList<DebriefConfounder> Confounders { get; }

    /// <summary>The scenario's name (classic for a key without a scenario record).</summary>
    public string ScenarioName => Truth.Exercise?.Name is { Length: > 0 } name ? name : "classic";

    public string Difficulty => Truth.Exercise?.Difficulty is { Length: > 0 } d ? d : ScenarioKinds.Classic;

    /// <summary>Reads the story; <see cref="InvalidDataException"/> for a time the key does not hold in ISO form.</summary>
    public static DebriefStory From(GroundTruth truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        return new DebriefStory(truth);
    }

    /// <summary>The incident kind a root_cause_type stands for.</summary>
    public static string KindOfCause(string rootCauseType) => rootCauseType switch
    {
        "infra" => ScenarioKinds.HostSaturation,
        "dependency" => ScenarioKinds.DependencyOutage,
        "app" => ScenarioKinds.DeploymentRegression,
        _ => ScenarioKinds.NetworkCircuitDegradation,
    };

    /// <summary>The kind a confounder of that component is, when the key does not say (the classic's).</summary>
    public static string KindOfComponent(string component) =>
        ScenarioKinds.OfConfounderComponent(component) ?? ScenarioKinds.DeploymentRegression;

    private static DateTime Instant(string text, string what)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
        {
            throw new InvalidDataException($"ground_truth.json: {what} is not a timestamp ('{Safety.UntrustedText.Escape(text, 60)}').");
        }

        return DateTime.SpecifyKind(t, DateTimeKind.Utc);
    }
}
