namespace FiberSqs;

/// <summary>The incident of a <see cref="FiberSqsScenario"/> (docs/scenarios.md).</summary>
public sealed class FiberSqsScenarioIncident
{
    /// <summary><c>network_circuit_degradation</c> (the kind this version generates).</summary>
    public string Kind { get; set; } = "";

    /// <summary>The failing circuit, <c>CKT-&lt;SRC&gt;-&lt;DST&gt;-&lt;NNN&gt;</c>.</summary>
    public string Component { get; set; } = "";

    public string SourceRegion { get; set; } = "";

    public string DestinationRegion { get; set; } = "";

    public string[] TransactionTypes { get; set; } = [];

    /// <summary>UTC.</summary>
    public DateTime Start { get; set; }

    public DateTime End { get; set; }

    public DateTime FixTime { get; set; }
}
