namespace FiberSqs.Core.Files;

/// <summary>A dataset cannot be written to <see cref="Path"/>: nothing was changed there.</summary>
internal sealed class DatasetTargetException : IOException
{
    public DatasetTargetException(TargetProblem problem, string path, string message)
        : base(message)
    {
        Problem = problem;
        Path = path;
    }

    public TargetProblem Problem { get; }

    public string Path { get; }
}
