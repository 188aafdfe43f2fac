namespace FiberSqs.Core.Scoring;

/// <summary>An answer as read, with the keys it held that name no field (a typo such as <c>RedHerring</c> is worth
/// telling the user about: that field scores nothing).</summary>
internal sealed record AnswerReading(Answer Answer, IReadOnlyList<string> IgnoredFields);
