namespace FiberSqs.Core.Reporting;

/// <summary>Everything the debrief page shows: the story, its charts (timeline first, support calls last), the class's
/// scores when given, the rows read per table, the dataset folder's name and what wrote the page.</summary>
internal sealed record DebriefContent(DebriefStory Story, IReadOnlyList<ReportChart> Charts, ClassSummary? Scores,
    IReadOnlyDictionary<string, long> RowsRead, string DatasetName, string Generator);
