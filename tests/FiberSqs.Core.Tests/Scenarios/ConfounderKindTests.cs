using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using FiberSqs.Core.Scenarios;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Scenarios;

/// <summary>Every incident kind also serves as a red herring: a regional network slowdown and a dependency's brief
/// slowdown show where they are (and only there), stay below the incident, and a key that misplaces them fails.</summary>
public sealed class ConfounderKindTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fibersqs-conf-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static DateTime T(int day, int hour) => new(2025, 12, day, hour, 0, 0, DateTimeKind.Utc);

    /// <summary>The classic incident with a network red herring out of central and a dependency one in east (the
    /// region central's slice always calls, so its calls are many).</summary>
    private static ExerciseScenario NetworkAndDependencyHerrings(string difficulty = ScenarioKinds.Standard) =>
        ExerciseScenario.Classic with
        {
            Name = "herrings", Difficulty = difficulty,
            Confounders =
            [
                new ConfounderPlan("central_network_slowdown", ScenarioKinds.NetworkCircuitDegradation, "central", "network", T(2, 9), T(2, 10)),
                new ConfounderPlan("east_dependency_slowdown", ScenarioKinds.DependencyOutage, "east", "dependency", T(6, 17), T(6, 18)),
            ],
        };

    [Fact]
    public void A_network_and_a_dependency_red_herring_show_where_they_are_and_stay_below_the_incident()
    {
        var path = Path.Combine(_root, "herrings");
        DatasetGenerator.Generate(path, new DatasetOptions { Seed = 7, AppLogRows = 300_000, EnableTier2 = true, Scenario = NetworkAndDependencyHerrings() });
        var report = DatasetValidator.Validate(path);
        Assert.True(report.Passed, string.Join("; ", report.FailedChecks.Select(c => $"{c.Name}: {c.Message}")));

        var confined = report.Check(CheckNames.ConfounderCallsConfined)!;
        Assert.True(confined.Applicable, confined.Message);
        Assert.True((double)confined.Figure("central_network_slowdown_lowest_rtt_ratio")! >= 1.5);
        Assert.True((double)confined.Figure("east_dependency_slowdown_call_latency_ratio")! >= 1.3);
        Assert.True(report.Check(CheckNames.ConfounderImpactBelowIncident)!.Passed);
        // Neither a CPU spike nor a deployment blip was planted: their checks do not apply, and do not fail.
        Assert.False(report.Check(CheckNames.ConfounderCpuSpikeCentralOnly)!.Applicable);
        Assert.False(report.Check(CheckNames.ConfounderBlipWestOnly)!.Applicable);

        var truth = GroundTruth.Load(Path.Combine(path, "ground_truth.json"));
        Assert.Equal(["network", "dependency"], truth.Confounders.Select(c => c.Component));
        Assert.Equal(ScenarioKinds.DependencyOutage, truth.Exercise!.ConfounderKinds["east_dependency_slowdown"]);
    }

    [Fact]
    public void A_key_that_puts_the_network_red_herring_where_the_data_has_none_fails_confounder_calls_confined()
    {
        var path = Path.Combine(_root, "moved");
        DatasetGenerator.Generate(path, new DatasetOptions { Seed = 7, AppLogRows = 120_000, Scenario = NetworkAndDependencyHerrings() });
        var keyPath = Path.Combine(path, "ground_truth.json");
        var truth = GroundTruth.Load(keyPath);
        var network = truth.Confounders[0];
        network.Start = "2025-12-07T09:00:00.000000Z";
        network.End = "2025-12-07T10:00:00.000000Z";
        truth.Save(keyPath);

        var check = DatasetValidator.Validate(path).Check(CheckNames.ConfounderCallsConfined)!;
        Assert.False(check.Passed);
        Assert.Contains("central_network_slowdown", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_file_with_two_red_herrings_of_one_kind_or_a_wrong_component_is_refused_by_field()
    {
        var json = ScenarioJson.Write(NetworkAndDependencyHerrings());
        Assert.Equal(NetworkAndDependencyHerrings(), ScenarioJson.Read(json));

        var twice = json.Replace("\"dependency_outage\"", "\"network_circuit_degradation\"", StringComparison.Ordinal);
        Assert.Equal("Confounders[1].Kind", Assert.Throws<ScenarioInvalidException>(() => ScenarioJson.Read(twice)).Field);
        var component = json.Replace("\"Component\": \"network\"", "\"Component\": \"infra\"", StringComparison.Ordinal);
        var e = Assert.Throws<ScenarioInvalidException>(() => ScenarioJson.Read(component));
        Assert.Equal("Confounders[0].Component", e.Field);
        Assert.Contains("network", e.Message, StringComparison.Ordinal);
    }
}
