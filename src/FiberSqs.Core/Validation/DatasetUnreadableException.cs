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

/// <summary>Thrown by <c>DatasetValidator.Validate</c> when there is no dataset to check; the cmdlet maps
/// <see cref="Problem"/> to a stable error id.</summary>
public sealed class DatasetUnreadableException : IOException
{
    public DatasetUnreadableException(DatasetProblem problem, string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Problem = problem;
        Path = path;
    }

    public DatasetProblem Problem { get; }

    /// <summary>The folder or file at fault.</summary>
    public string Path { get; }
}
