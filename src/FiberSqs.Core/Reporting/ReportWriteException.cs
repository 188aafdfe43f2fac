namespace FiberSqs.Core.Reporting;

/// <summary>The report could not be written to its file (a missing or read-only folder, a full disk): the data was read,
/// nothing that existed was changed.</summary>
internal sealed class ReportWriteException(string path, string message, Exception inner) : IOException(message, inner)
{
    public string Path { get; } = path;
}
