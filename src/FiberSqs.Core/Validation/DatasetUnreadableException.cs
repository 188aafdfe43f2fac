namespace FiberSqs.Core.Validation;

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
