using FiberSqs.Core.Model;
using FiberSqs.Core.Scenarios;
using FiberSqs.Core.Scoring;

namespace FiberSqs.Core.Tests.Scoring;

/// <summary>Answer keys written by hand, one per incident kind, with the fields docs/data-contract.md gives each kind
/// (only the circuit kind is generated today), and answers built from field lists as a CSV row or hashtable gives them.</summary>
internal static class HandMadeKeys
{
    /// <summary>The classic's key: no scenario record, the circuit, the two classic red herrings.</summary>
    public static GroundTruth Circuit() => Truth(null, new PrimaryIncident
    {
        RootCauseType = "network", CircuitId = "CKT-CEN-EAS-003", RerouteCircuitId = "CKT-CEN-EAS-217",
        SrcRegion = "central", DstRegion = "east",
    });

    /// <summary>Two of east's hosts saturate.</summary>
    public static GroundTruth Hosts() => Truth(ScenarioKinds.HostSaturation, new PrimaryIncident
    {
        RootCauseType = "infra", CircuitId = null, RerouteCircuitId = null, SrcRegion = "east", DstRegion = "east",
        Hosts = ["fibersqs-prod-east-host03", "fibersqs-prod-east-host07"],
    });

    /// <summary>east's inventory-client fails for every caller; central calls it most.</summary>
    public static GroundTruth Dependency() => Truth(ScenarioKinds.DependencyOutage, new PrimaryIncident
    {
        RootCauseType = "dependency", CircuitId = null, RerouteCircuitId = null, SrcRegion = "central", DstRegion = "east",
        Service = "inventory-client",
    });

    /// <summary>A release of south's worker regresses.</summary>
    public static GroundTruth Deployment() => Truth(ScenarioKinds.DeploymentRegression, new PrimaryIncident
    {
        RootCauseType = "app", CircuitId = null, RerouteCircuitId = null, SrcRegion = "south", DstRegion = "east",
        Service = "worker",
    });

    public static GroundTruth OfKind(string kind) => kind switch
    {
        ScenarioKinds.HostSaturation => Hosts(),
        ScenarioKinds.DependencyOutage => Dependency(),
        ScenarioKinds.DeploymentRegression => Deployment(),
        _ => Circuit(),
    };

    public static AnswerKey Key(string kind) => AnswerKey.From(OfKind(kind));

    /// <summary>The answer that gets everything right, as a CSV row would carry it (strings, lists in one cell).</summary>
    public static Dictionary<string, object?> Perfect(string kind)
    {
        var (kindWord, component, region) = kind switch
        {
            ScenarioKinds.HostSaturation => ("host", "fibersqs-prod-east-host07", "east"),
            ScenarioKinds.DependencyOutage => ("dependency", "inventory-client", "east"),
            ScenarioKinds.DeploymentRegression => ("deployment", "worker", "south"),
            _ => ("network", "CKT-CEN-EAS-003", "central -> east"),
        };
        return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Team"] = "perfect", ["RootCauseKind"] = kindWord, ["Component"] = component, ["Region"] = region,
            ["Start"] = "2025-12-03T12:20:00Z", ["End"] = "2025-12-05T18:10Z", ["FixTime"] = "2025-12-05T18:15Z",
            ["TransactionTypes"] = "provision_fiber_sqs;modify_service_profile",
            ["RedHerrings"] = "central_cpu_spike;west_deployment_blip",
            ["fn_missing_txn_id"] = "1", ["fp_nonexistent_txn_id"] = "2", ["wrong_link"] = "3", ["tp"] = "94",
        };
    }

    /// <summary>The perfect answer with some fields changed (null removes one).</summary>
    public static Answer With(string kind, params (string Field, object? Value)[] changes)
    {
        var fields = Perfect(kind);
        foreach (var (field, value) in changes)
        {
            fields[field] = value;
        }

        return Read(fields);
    }

    public static Answer Read(IEnumerable<KeyValuePair<string, object?>> fields) => AnswerReader.Read(fields, "default team").Answer;

    public static Answer Read(params (string Field, object? Value)[] fields) =>
        Read(fields.Select(f => new KeyValuePair<string, object?>(f.Field, f.Value)));

    public static AnswerScore Score(string kind, params (string Field, object? Value)[] changes) =>
        AnswerScorer.Score(Key(kind), With(kind, changes));

    private static GroundTruth Truth(string? kind, PrimaryIncident incident)
    {
        incident.Start = "2025-12-03T12:20:00.000000Z";
        incident.End = "2025-12-05T18:10:00.000000Z";
        incident.FixTime = "2025-12-05T18:15:00.000000Z";
        incident.AffectedTransactionTypes = ["provision_fiber_sqs", "modify_service_profile"];
        var truth = new GroundTruth
        {
            PrimaryIncident = incident,
            Confounders =
            [
                new Confounder { Name = "central_cpu_spike", Component = "infra", Region = "central",
                    Start = "2025-12-02T09:30:00.000000Z", End = "2025-12-02T11:00:00.000000Z" },
                new Confounder { Name = "west_deployment_blip", Component = "app", Region = "west",
                    Start = "2025-12-06T17:00:00.000000Z", End = "2025-12-06T18:00:00.000000Z" },
            ],
            TsoNoise = new TsoNoise { NoiseCounts = new() { ["clean"] = 94, ["missing"] = 1, ["fabricated"] = 2, ["wrong_customer"] = 3 } },
        };
        if (kind is not null)
        {
            truth.Exercise = new ScenarioRecord
            {
                Name = "hand-made", Difficulty = "standard", IncidentKind = kind,
                ConfounderKinds = new() { ["central_cpu_spike"] = ScenarioKinds.HostSaturation, ["west_deployment_blip"] = ScenarioKinds.DeploymentRegression },
            };
        }

        return truth;
    }
}
