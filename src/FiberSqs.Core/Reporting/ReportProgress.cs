namespace FiberSqs.Core.Reporting;

/// <summary>How far the report is: the stage, and the CSV bytes read of the total.</summary>
public sealed record ReportProgress(string Stage, int PercentComplete, long BytesRead, long TotalBytes);
