namespace FiberSqs.HelpBuilder;

/// <summary>A help page that does not follow the platyPS 2.0.0 form; says where and what to fix.</summary>
public sealed class HelpFormatException : Exception
{
    public HelpFormatException()
    {
    }

    public HelpFormatException(string message)
        : base(message)
    {
    }

    public HelpFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HelpFormatException(string file, int line, string message)
        : base($"{file}({line}): {message}")
    {
        File = file;
        Line = line;
    }

    public string? File { get; }

    public int Line { get; }
}
