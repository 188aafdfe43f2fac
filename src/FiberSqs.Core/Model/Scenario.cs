namespace FiberSqs.Core.Model;

/// <summary>The fixed facts of the exercise (docs/model.md): window, regions, incident, confounders.</summary>
public static class Scenario
{
    public const string DatasetName = "simulated_fibersqs_cross_region_latency_tso";

    /// <summary>Inclusive start of the window.</summary>
    public static readonly DateTime WindowStart = new(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Exclusive end of the window.</summary>
    public static readonly DateTime WindowEnd = new(2025, 12, 8, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime IncidentStart = new(2025, 12, 3, 12, 20, 0, DateTimeKind.Utc);
    public static readonly DateTime IncidentEnd = new(2025, 12, 5, 18, 10, 0, DateTimeKind.Utc);
    public static readonly DateTime FixTime = new(2025, 12, 5, 18, 15, 0, DateTimeKind.Utc);

    public const string PrimaryCircuitId = "CKT-CEN-EAS-003";
    public const string PrimarySourceRegion = "central";
    public const string PrimaryDestinationRegion = "east";

    public static readonly DateTime CpuSpikeStart = new(2025, 12, 2, 9, 30, 0, DateTimeKind.Utc);
    public static readonly DateTime CpuSpikeEnd = new(2025, 12, 2, 11, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime BlipStart = new(2025, 12, 6, 17, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime BlipEnd = new(2025, 12, 6, 18, 0, 0, DateTimeKind.Utc);

    /// <summary>The confounders' regions (the CPU spike on central's hosts, the deployment blip in west).</summary>
    public const string CpuSpikeRegion = "central";
    public const string BlipRegion = "west";

    /// <summary>Region names in the order every table and loop uses.</summary>
    public static readonly IReadOnlyList<string> Regions = ["east", "west", "central", "north", "south"];

    /// <summary>Share of transactions that originate in each region (same order as <see cref="Regions"/>).</summary>
    public static readonly IReadOnlyList<double> OriginWeights = [0.25, 0.20, 0.35, 0.10, 0.10];

    public static readonly IReadOnlyList<string> TransactionTypes =
    [
        "provision_fiber_sqs", "modify_service_profile", "cancel_subscription", "diagnostic_ping",
        "update_billing", "firmware_update", "service_health_check",
    ];

    /// <summary>The synchronous central transactions that call east inventory-client over the primary circuit.</summary>
    public static readonly IReadOnlyList<string> AffectedTransactionTypes = ["provision_fiber_sqs", "modify_service_profile"];

    /// <summary>Hosts in the whole fleet; each region gets its share of traffic (<see cref="OriginWeights"/>) of them.</summary>
    public const int TotalHosts = 60;

    /// <summary>Hosts per region (same order as <see cref="Regions"/>): 15, 12, 21, 6, 6. Hosts scale with the region's
    /// traffic, so one host carries about the same load in every region (docs/data-contract.md, realism).</summary>
    public static readonly IReadOnlyList<int> HostsPerRegion = [.. OriginWeights.Select(w => (int)Math.Round(w * TotalHosts))];

    /// <summary>The one host inventory shared by app logs and infra metrics: fibersqs-prod-&lt;region&gt;-hostNN.</summary>
    public static string HostName(string region, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fibersqs-prod-{region}-host{number:00}");

    /// <summary>The position of a region in <see cref="Regions"/>: every table indexes regions this way.</summary>
    public static int RegionIndex(string region) => IndexIn(Regions, region, "region");

    /// <summary>The position of a transaction type in <see cref="TransactionTypes"/>.</summary>
    public static int TypeIndex(string type) => IndexIn(TransactionTypes, type, "transaction type");

    private static int IndexIn(IReadOnlyList<string> names, string name, string what)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{name}' is not a {what} of the scenario.", nameof(name));
    }

    /// <summary>The three-letter code used in circuit ids (CEN, EAS, ...).</summary>
    public static string RegionCode(string region) => region[..3].ToUpperInvariant();

    /// <summary>Number of days in the window (7).</summary>
    public static int WindowDays => (int)(WindowEnd - WindowStart).TotalDays;
}
