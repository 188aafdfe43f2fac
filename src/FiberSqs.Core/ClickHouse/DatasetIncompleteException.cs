namespace FiberSqs.Core.ClickHouse;

/// <summary>The dataset folder lacks a file the import needs (a CSV of its tables, ground_truth.json) or a
/// file does not hold what ground_truth.json says.</summary>
public sealed class DatasetIncompleteException : Exception
{
    public DatasetIncompleteException() { }

    public DatasetIncompleteException(string message) : base(message) { }

    public DatasetIncompleteException(string message, Exception? inner) : base(message, inner) { }

    public DatasetIncompleteException(string message, string path) : base(message) => Path = path;

    public string Path { get; } = "";
}
