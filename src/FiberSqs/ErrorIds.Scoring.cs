namespace FiberSqs;

public static partial class ErrorIds
{
    /// <summary>An answer Measure-FiberSqsAnswer cannot score: a required field missing, a time that does not parse, an
    /// unknown kind word or region, a JSON file that is missing or not JSON. The message starts with the field.</summary>
    public const string AnswerInvalid = "AnswerInvalid";
}
