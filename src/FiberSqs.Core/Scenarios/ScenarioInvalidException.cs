namespace FiberSqs.Core.Scenarios;

/// <summary>A scenario file or object that cannot be generated: names the field and what it may hold.</summary>
internal sealed class ScenarioInvalidException(string field, string message) : Exception($"{field}: {message}")
{
    /// <summary>The field's path in the scenario (<c>Incident.Component</c>, <c>Confounders[1].Start</c>).</summary>
    public string Field { get; } = field;
}
