namespace FiberSqs.Core.Scoring;

/// <summary>A red herring as the scorer sees it: its name, kind, region, what it touches (infra, app, ...) and window.</summary>
internal sealed record KeyConfounder(string Name, string Kind, string Region, string Component, DateTime Start, DateTime End)
{
    public string Describe() => $"{Name} ({Kind} in {Region}, {IsoTime.Format(Start, End)})";
}
