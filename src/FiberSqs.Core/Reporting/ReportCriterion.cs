namespace FiberSqs.Core.Reporting;

/// <summary>One criterion of a team's score: its name, the points given and the most it could give (null when unknown).</summary>
internal sealed record ReportCriterion(string Name, double Points, double? MaxPoints);
