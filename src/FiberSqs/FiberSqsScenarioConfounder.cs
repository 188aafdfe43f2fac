namespace FiberSqs;

/// <summary>A red herring of a <see cref="FiberSqsScenario"/>: a real, smaller disturbance in one region for a while.</summary>
public sealed class FiberSqsScenarioConfounder
{
    public string Name { get; set; } = "";

    /// <summary><c>host_saturation</c> (the first) or <c>deployment_regression</c> (the second).</summary>
    public string Kind { get; set; } = "";

    public string Region { get; set; } = "";

    /// <summary><c>infra</c> (the region's hosts) or <c>app</c> (the region's release).</summary>
    public string Component { get; set; } = "";

    /// <summary>UTC.</summary>
    public DateTime Start { get; set; }

    public DateTime End { get; set; }
}
