namespace FiberSqs;

// Export-FiberSqsReport's own ids (a dataset that cannot be read gives the dataset ids of ErrorIds.Dataset.cs).
public static partial class ErrorIds
{
    /// <summary>The report file cannot be written: its folder is missing or read-only, it names a folder, the disk is full.</summary>
    public const string ReportWriteFailed = "ReportWriteFailed";

    /// <summary>A file (or a symbolic link) is already at the report's path and -Force was not given.</summary>
    public const string ReportAlreadyExists = "ReportAlreadyExists";

    /// <summary>An object given to -Score has no Team or no numeric Score (or a criterion without Name or Points).</summary>
    public const string ScoreInvalid = "ScoreInvalid";
}
