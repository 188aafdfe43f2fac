using System.Globalization;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using FiberSqs.Core.Scenarios;
using FiberSqs.Core.Tests.Generation;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Scenarios;

/// <summary>Each incident kind at each difficulty: the dataset passes validation, its component stands out where a
/// trainee would look for it, the other components do not, and the answer key names it in the kind's own fields.</summary>
public sealed class IncidentKindTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fibersqs-kind-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public static TheoryData<string, string> KindsAndLevels()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in ScenarioKinds.All)
        {
            foreach (var level in ScenarioKinds.Difficulties)
            {
                data.Add(kind, level);
            }
        }

        return data;
    }

    /// <summary>The first variant of a kind (variants take the kinds in turn).</summary>
    private static ExerciseScenario VariantOf(string kind, string difficulty) =>
        ExerciseScenario.DrawVariant(1 + ScenarioKinds.All.ToList().IndexOf(kind)) with { Difficulty = difficulty };

    [Theory]
    [MemberData(nameof(KindsAndLevels))]
    public void An_incident_of_each_kind_stands_out_on_its_component_and_passes_validation(string kind, string difficulty)
    {
        var scenario = VariantOf(kind, difficulty);
        Assert.Equal(kind, scenario.Incident.Kind);
        var path = Path.Combine(_root, $"{kind}-{difficulty}");
        DatasetGenerator.Generate(path, new DatasetOptions { Seed = 7, AppLogRows = 120_000, EnableTier2 = true, Scenario = scenario });

        var report = DatasetValidator.Validate(path);
        Assert.True(report.Passed, string.Join("; ", report.FailedChecks.Select(c => $"{c.Name}: {c.Message}")));
        var impacted = report.Check(CheckNames.IncidentImpactedTransactions)!;
        Assert.True(impacted.Applicable, impacted.Message);
        Assert.True(report.Check(CheckNames.ConfounderImpactBelowIncident)!.Passed); // the red herrings do not outweigh it
        Assert.True(report.Check(CheckNames.IncidentOtherCircuits)!.Passed);

        var truth = GroundTruth.Load(Path.Combine(path, "ground_truth.json"));
        var key = truth.PrimaryIncident;
        Assert.Equal(kind, truth.Exercise!.IncidentKind);
        Assert.Equal(ScenarioKinds.RootCauseType(kind), key.RootCauseType);
        var events = TestCsv.Read(Path.Combine(path, "data", "clickhouse-network_events.csv"));
        if (kind == ScenarioKinds.NetworkCircuitDegradation)
        {
            Assert.Equal(scenario.Incident.Component, key.CircuitId);
            Assert.True(report.Check(CheckNames.IncidentPrimaryCircuit)!.Passed);
            return;
        }

        // Not a circuit's incident: no circuit named, none rerouted, no event of its own, every circuit healthy.
        Assert.Null(key.CircuitId);
        Assert.Null(key.RerouteCircuitId);
        Assert.Null(report.Check(CheckNames.IncidentPrimaryCircuit));
        Assert.False(report.Check(CheckNames.PrimaryCircuitAfterFix)!.Applicable);
        Assert.DoesNotContain(events, e => e["timestamp"] == truth.PrimaryIncident.Start[..19] + "Z");
        var component = report.Check(CheckNames.IncidentComponent)!;
        Assert.True(component.Passed, component.Message);
        switch (kind)
        {
            case ScenarioKinds.HostSaturation:
                Assert.Equal(scenario.Incident.Hosts, key.Hosts);
                Assert.True((double)component.Figure("saturated_cpu_ratio")! >= 1.3);
                AssertTheSlowTransactionsRunOnTheSaturatedHosts(path, scenario, truth);
                break;
            case ScenarioKinds.DependencyOutage:
                Assert.Equal(ScenarioKinds.DependencyService, key.Service);
                Assert.True(component.Applicable, component.Message); // enough calls from the other regions to judge
                break;
            default:
                Assert.Equal(ScenarioKinds.RegressedService, key.Service);
                Assert.True((double)component.Figure("net_errors_ratio")! >= 2);
                break;
        }
    }

    /// <summary>host_saturation: the join from slow logs to hosts leads to the pool, and only there.</summary>
    private static void AssertTheSlowTransactionsRunOnTheSaturatedHosts(string path, ExerciseScenario scenario, GroundTruth truth)
    {
        var bursts = truth.PrimaryIncident.Bursts.Select(b => (Start: Time(b.Start), End: Time(b.End))).ToList();
        var finals = TestCsv.Read(Path.Combine(path, "data", "clickhouse-app_logs.csv"))
            .Where(r => r["event"] is "completed" or "timeout" && r["region"] == scenario.Incident.SourceRegion &&
                        scenario.Incident.TransactionTypes.Contains(r["transaction_type"]))
            .ToList();
        var inBurst = finals.Where(r => bursts.Any(b => Time(r["timestamp"]) >= b.Start && Time(r["timestamp"]) < b.End.AddSeconds(10))).ToList();
        Assert.NotEmpty(inBurst);
        Assert.All(finals, r => Assert.Contains(r["host"], scenario.Incident.Hosts));
        var others = TestCsv.Read(Path.Combine(path, "data", "clickhouse-app_logs.csv"))
            .Where(r => r["region"] == scenario.Incident.SourceRegion && !scenario.Incident.TransactionTypes.Contains(r["transaction_type"]));
        Assert.DoesNotContain(others, r => scenario.Incident.Hosts.Contains(r["host"]));
    }

    private static DateTime Time(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    [Fact]
    public void A_scenario_file_of_each_kind_round_trips_and_a_wrong_component_is_refused_by_name()
    {
        foreach (var kind in ScenarioKinds.All)
        {
            var scenario = VariantOf(kind, ScenarioKinds.Standard);
            Assert.Equal(scenario, ScenarioJson.Read(ScenarioJson.Write(scenario)));
        }

        var hosts = VariantOf(ScenarioKinds.HostSaturation, ScenarioKinds.Classic);
        // Written in another order, the pool reads back in the inventory's order: one spelling, the same bytes.
        var reversed = ScenarioJson.Write(hosts).Replace(hosts.Incident.Component, string.Join(",", hosts.Incident.Hosts.Reverse()), StringComparison.Ordinal);
        Assert.Equal(hosts, ScenarioJson.Read(reversed));
        var elsewhere = ScenarioJson.Write(hosts).Replace(hosts.Incident.Hosts[0], "fibersqs-prod-mars-host01", StringComparison.Ordinal);
        Assert.Equal("Incident.Component", Assert.Throws<ScenarioInvalidException>(() => ScenarioJson.Read(elsewhere)).Field);
        var dependency = ScenarioJson.Write(VariantOf(ScenarioKinds.DependencyOutage, ScenarioKinds.Classic))
            .Replace(ScenarioKinds.DependencyService, "billing-db", StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioInvalidException>(() => ScenarioJson.Read(dependency));
        Assert.Equal("Incident.Component", e.Field);
        Assert.Contains(ScenarioKinds.DependencyService, e.Message, StringComparison.Ordinal);
    }
}
