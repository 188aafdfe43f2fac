using System.Globalization;
using FiberSqs.Core.Model;

namespace FiberSqs.Core.ClickHouse;

/// <summary>The incident the post-load SQL looks at: the loaded dataset's own (its ground_truth.json), so a variant is
/// checked on its circuit, regions, types and windows; the classic's when no answer key is given.</summary>
internal sealed record PostLoadStory(string SourceRegion, string DestinationRegion, string Circuit, IReadOnlyList<string> Types,
    DateTime Start, DateTime End, DateTime FixTime, string Kind = Scenarios.ScenarioKinds.NetworkCircuitDegradation)
{
    public static PostLoadStory Classic { get; } = new(ClassicIncident.SourceRegion, ClassicIncident.DestinationRegion,
        ClassicIncident.Component, ClassicIncident.TransactionTypes, ClassicIncident.Start, ClassicIncident.End, ClassicIncident.FixTime);

    /// <summary>Saturated hosts or a regressed release: the impacted work runs into the orchestration timeout, where the
    /// slice's p95 already sits at baseline, so the latency checks compare mean latency instead.</summary>
    public bool StallsLocally => Scenarios.ScenarioKinds.StallsLocally(Kind);

    private static Scenarios.IncidentPlan ClassicIncident => Scenarios.ExerciseScenario.Classic.Incident;

    /// <summary>The answer key's incident; the classic's for a key that does not parse (the checks that need the key
    /// say so on their own).</summary>
    public static PostLoadStory From(GroundTruth? truth)
    {
        var i = truth?.PrimaryIncident;
        if (i is null || !Instant(i.Start, out var start) || !Instant(i.End, out var end) || !Instant(i.FixTime, out var fix))
        {
            return Classic;
        }

        return new PostLoadStory(i.SrcRegion, i.DstRegion, i.CircuitId ?? "", i.AffectedTransactionTypes, start, end, fix,
            truth!.IncidentKind());
    }

    private static bool Instant(string text, out DateTime value) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);
}
