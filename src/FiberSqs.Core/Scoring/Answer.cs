namespace FiberSqs.Core.Scoring;

/// <summary>A trainee's or team's answer, read and checked (<see cref="AnswerReader"/>): what every criterion scores.</summary>
/// <param name="Team">Who answered (the answer's Team, else a name the caller chose).</param>
/// <param name="Kind">The incident kind the answer names (one of the four kinds, whatever word was given).</param>
/// <param name="KindGiven">The word as given (<c>network</c>, <c>Host_Saturation</c>, ...).</param>
/// <param name="Component">The circuit, host(s) or service, as given.</param>
/// <param name="RegionGiven">The Region field as given (null when absent).</param>
/// <param name="Regions">The regions the Region field names, in its order (empty when absent).</param>
/// <param name="Start">The incident's start, UTC.</param>
/// <param name="End">The incident's end, UTC (not before <paramref name="Start"/>).</param>
/// <param name="FixTime">When it was fixed, UTC (null when not given).</param>
/// <param name="TransactionTypes">The impacted types named (folded to the data's spelling).</param>
/// <param name="RedHerrings">The red herrings named.</param>
/// <param name="Tso">The TSO confusion counts given.</param>
internal sealed record Answer(
    string Team,
    string Kind,
    string KindGiven,
    string Component,
    string? RegionGiven,
    IReadOnlyList<string> Regions,
    DateTime Start,
    DateTime End,
    DateTime? FixTime,
    IReadOnlyList<string> TransactionTypes,
    IReadOnlyList<RedHerringClaim> RedHerrings,
    TsoCounts Tso);
