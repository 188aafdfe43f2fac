namespace FiberSqs.Core.Scoring;

/// <summary>The regions an answer places its root cause in: those its Region field names, else those its Component
/// implies (a circuit's two ends, a host's region, a region named beside a service).</summary>
internal static class AnswerRegions
{
    public static IReadOnlyList<string> Of(Answer answer, IReadOnlyList<ComponentItem> items) =>
        answer.Regions.Count > 0 ? answer.Regions : FromComponent(items);

    /// <summary>Every region the Component names or implies, in order; and the Region field's, for telling a red
    /// herring from the incident.</summary>
    public static IReadOnlyList<string> All(Answer answer, IReadOnlyList<ComponentItem> items) =>
        [.. answer.Regions.Concat(FromComponent(items)).Distinct()];

    public static IReadOnlyList<string> FromComponent(IReadOnlyList<ComponentItem> items) =>
        [.. items.SelectMany(i => i.Regions).Distinct()];

    /// <summary>The regions of one item: its own, else the Region field's (a service named without one).</summary>
    public static IReadOnlyList<string> OfItem(ComponentItem item, Answer answer) =>
        item.Regions.Count > 0 ? item.Regions : answer.Regions;
}
