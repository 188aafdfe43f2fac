namespace FiberSqs;

// A folder that cannot be used as a dataset: the same ids from every cmdlet (see DatasetErrors).
public static partial class ErrorIds
{
    /// <summary>The dataset folder does not exist.</summary>
    public const string DatasetNotFound = "DatasetNotFound";

    /// <summary>The path is a file, or a folder with neither ground_truth.json nor data/.</summary>
    public const string NotADataset = "NotADataset";

    /// <summary>ground_truth.json is missing, too large, not valid JSON, or lacks what the data is checked against.</summary>
    public const string GroundTruthUnreadable = "GroundTruthUnreadable";

    /// <summary>A CSV the answer key lists is missing, truncated or has another header.</summary>
    public const string DatasetIncomplete = "DatasetIncomplete";

    /// <summary>The dataset folder could not be read (permissions, I/O error).</summary>
    public const string DatasetReadFailed = "DatasetReadFailed";
}
