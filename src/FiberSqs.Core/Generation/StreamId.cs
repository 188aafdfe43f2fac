namespace FiberSqs.Core.Generation;

/// <summary>
/// The independent random streams. Each (seed, stream, shard) triple gets its own PRNG, so a table's values do not
/// depend on how many values another table drew, nor on which thread ran a shard. Never renumber: append.
/// </summary>
internal enum StreamId
{
    Bursts = 1,
    Arrivals = 2,
    CircuitSetup = 3,
    Transactions = 4,
    /// <summary>Retired (v2 drew a clock skew per log line; hosts now have their own clocks, see HostFleet).</summary>
    LogSkew = 5,
    Circuits = 6,
    Hosts = 7,
    TsoCalls = 8,
    TsoNoise = 9,
    NetworkEvents = 10,
    IdScramble = 11,
    HostSetup = 12,
    NetworkEventPlan = 13,
    /// <summary>Draws a scenario variant from its number (not from the dataset seed).</summary>
    ScenarioVariant = 14,
    /// <summary>The extra alarms of the standard and hard levels.</summary>
    NetworkEventNoise = 15,
    /// <summary>Draws a variant's saturated hosts (host_saturation), apart from its other draws.</summary>
    ScenarioHosts = 16,
    /// <summary>Draws a variant's confounder kinds, apart from its other draws.</summary>
    ScenarioConfounders = 17,
}
