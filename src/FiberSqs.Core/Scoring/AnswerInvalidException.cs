namespace FiberSqs.Core.Scoring;

/// <summary>An answer that cannot be scored: <see cref="Field"/> names what is wrong (a missing required field, a time
/// that does not parse, an unknown kind word, a JSON file that is missing or not JSON: <c>Answer</c>); the message
/// starts with the field and says what it may hold.</summary>
internal sealed class AnswerInvalidException : Exception
{
    public AnswerInvalidException(string field, string message, Exception? inner = null)
        : base($"{field}: {message}", inner)
    {
        Field = field;
    }

    public string Field { get; }

    /// <summary>True when the answer could not even be read (a file missing or unreadable), not when a field is wrong.</summary>
    public bool Unreadable { get; init; }
}
