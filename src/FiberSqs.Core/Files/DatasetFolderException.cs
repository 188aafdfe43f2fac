namespace FiberSqs.Core.Files;

/// <summary>A folder that cannot be used as a dataset: what is wrong (<see cref="Problem"/>) and where.</summary>
internal sealed class DatasetFolderException : IOException
{
    public DatasetFolderException(DatasetProblem problem, string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Problem = problem;
        Path = path;
    }

    public DatasetProblem Problem { get; }

    /// <summary>The folder or file at fault.</summary>
    public string Path { get; }
}
