namespace FiberSqs.Core.Files;

/// <summary>Why a folder cannot be used as a dataset at all (as opposed to a validation check that fails). Every cmdlet
/// maps each to the same error id, so one mistake reads the same from New, Import and Test.</summary>
internal enum DatasetProblem
{
    /// <summary>The path does not exist.</summary>
    NotFound,

    /// <summary>The path is a file, or a folder with neither ground_truth.json nor data/.</summary>
    NotADataset,

    /// <summary>ground_truth.json is missing, too large, not valid JSON, or lacks what the data is checked against.</summary>
    GroundTruthUnreadable,

    /// <summary>A CSV the answer key lists is missing, has the wrong header, or holds other rows than it says (import).</summary>
    Incomplete,
}
