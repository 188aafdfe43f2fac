namespace FiberSqs.Core.Scoring;

/// <summary>One entry of an answer's RedHerrings: a name or words (<c>central_cpu_spike</c>, <c>west deployment</c>),
/// a window (<c>2025-12-02T09:30Z/2025-12-02T11:00Z</c>, Start and End set) or one time (Start = End).</summary>
internal sealed record RedHerringClaim(string Text, DateTime? Start, DateTime? End)
{
    public bool IsWindow => Start is not null;
}
