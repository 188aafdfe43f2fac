namespace FiberSqs;

public static partial class ErrorIds
{
    /// <summary>The dataset folder given to -Path does not exist.</summary>
    public const string DatasetNotFound = "DatasetNotFound";

    /// <summary>-Path is a file, or a folder with neither ground_truth.json nor data/.</summary>
    public const string NotADataset = "NotADataset";

    /// <summary>ground_truth.json is missing, is not valid JSON, or lacks what the checks compare against.</summary>
    public const string GroundTruthUnreadable = "GroundTruthUnreadable";

    /// <summary>The dataset folder could not be read (permissions, I/O error).</summary>
    public const string DatasetReadFailed = "DatasetReadFailed";

    /// <summary>A dataset was validated and at least one check failed (for callers that turn a failed validation
    /// into an error, such as New-FiberSqsDataset after writing).</summary>
    public const string DatasetValidationFailed = "DatasetValidationFailed";
}
