namespace FiberSqs.Core.Validation;

/// <summary>Why a folder could not be validated at all (as opposed to a check that failed).</summary>
public enum DatasetProblem
{
    /// <summary>The path does not exist.</summary>
    NotFound,

    /// <summary>The path is a file, or a folder with neither ground_truth.json nor data/.</summary>
    NotADataset,

    /// <summary>ground_truth.json is missing, is not valid JSON, or lacks what the checks need.</summary>
    GroundTruthUnreadable,
}
