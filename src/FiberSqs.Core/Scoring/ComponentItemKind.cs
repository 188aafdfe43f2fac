namespace FiberSqs.Core.Scoring;

/// <summary>What an item of an answer's Component is (<see cref="ComponentItem"/>).</summary>
internal enum ComponentItemKind
{
    Circuit,
    Host,
    Other,
}
