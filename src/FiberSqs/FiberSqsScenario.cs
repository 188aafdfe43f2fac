using FiberSqs.Core.Scenarios;

namespace FiberSqs;

/// <summary>
/// The story a dataset tells (docs/scenarios.md), as Get-FiberSqsScenario returns it and New-FiberSqsDataset
/// -Scenario takes it. <c>ConvertTo-Json -Depth 10</c> of it is a file that <c>Get-FiberSqsScenario -Path</c> reads
/// back unchanged. Its properties may be changed; New-FiberSqsDataset checks them (<c>ScenarioInvalid</c>).
/// </summary>
public sealed class FiberSqsScenario
{
    public string Name { get; set; } = "";

    /// <summary>The variant number, or null for the classic and hand-written scenarios.</summary>
    public int? Variant { get; set; }

    /// <summary><c>classic</c>: the original's signals (docs/scenarios.md).</summary>
    public string Difficulty { get; set; } = "";

    public FiberSqsScenarioIncident Incident { get; set; } = new();

    public FiberSqsScenarioConfounder[] Confounders { get; set; } = [];

    internal static FiberSqsScenario From(ExerciseScenario s) => new()
    {
        Name = s.Name,
        Variant = s.Variant,
        Difficulty = s.Difficulty,
        Incident = new FiberSqsScenarioIncident
        {
            Kind = s.Incident.Kind,
            Component = s.Incident.Component,
            SourceRegion = s.Incident.SourceRegion,
            DestinationRegion = s.Incident.DestinationRegion,
            TransactionTypes = [.. s.Incident.TransactionTypes],
            Start = s.Incident.Start,
            End = s.Incident.End,
            FixTime = s.Incident.FixTime,
        },
        Confounders = [.. s.Confounders.Select(c => new FiberSqsScenarioConfounder
        {
            Name = c.Name, Kind = c.Kind, Region = c.Region, Component = c.Component, Start = c.Start, End = c.End,
        })],
    };

    /// <summary>The engine's scenario, through its JSON form so that every field is checked the same way as a file's.</summary>
    /// <exception cref="ScenarioInvalidException">A field cannot be generated.</exception>
    internal ExerciseScenario ToEngine() => ScenarioJson.Read(System.Text.Json.JsonSerializer.Serialize(this, JsonOptions));

    // Times as the file writes them (UTC, whole seconds, Z): a [datetime] typed at the prompt is taken as UTC.
    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { Converters = { new UtcTimeConverter() } };

    private sealed class UtcTimeConverter : System.Text.Json.Serialization.JsonConverter<DateTime>
    {
        public override DateTime Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
            throw new NotSupportedException();

        public override void Write(System.Text.Json.Utf8JsonWriter writer, DateTime value, System.Text.Json.JsonSerializerOptions options) =>
            writer.WriteStringValue(ScenarioJson.Iso(value));
    }
}
