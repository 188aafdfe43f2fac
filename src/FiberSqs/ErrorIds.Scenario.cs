namespace FiberSqs;

public static partial class ErrorIds
{
    /// <summary>A scenario (file, object or -Scenario value) that cannot be generated; the message names the field
    /// and the values it may hold.</summary>
    public const string ScenarioInvalid = "ScenarioInvalid";
}
