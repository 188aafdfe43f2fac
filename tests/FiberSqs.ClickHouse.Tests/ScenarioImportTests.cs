using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Scenarios;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>Variants on ClickHouse 18.16: the post-load SQL follows the loaded dataset's own incident (its kind,
/// circuit, regions, types and windows), so a variant's load passes every post-load check at every difficulty and of
/// every kind.</summary>
[Collection(ServerTests.Name)]
public sealed class ScenarioImportTests(ServerFixture fx)
{
    [Theory]
    [InlineData(5, "classic")]   // network_circuit_degradation
    [InlineData(6, "hard")]      // host_saturation
    [InlineData(7, "standard")]  // dependency_outage
    [InlineData(8, "classic")]   // deployment_regression
    public void A_variant_loads_and_passes_the_post_load_checks_on_its_own_incident(int variant, string difficulty)
    {
        var scenario = ExerciseScenario.DrawVariant(variant) with { Difficulty = difficulty };
        using var dataset = new SmallDataset(SmallDataset.Options with { Scenario = scenario });
        var database = $"fsq_variant_{variant}";
        var result = fx.Import(new ImportOptions { Database = database }, dataset.Root);

        Assert.True(result.Validation.Passed, string.Join("; ", result.Validation.FailedChecks.Select(c => $"{c.Name}: {c.Message}")));
        var uplift = result.Validation.Check(PostLoadCheckNames.CircuitRttUplift)!;
        Assert.True(uplift.Passed, uplift.Message);
        Assert.Contains(scenario.Incident.Kind == ScenarioKinds.NetworkCircuitDegradation ? scenario.Incident.Component : "the network is not the cause",
            uplift.Message, StringComparison.Ordinal);
        Assert.Contains($"{scenario.Incident.SourceRegion}->{scenario.Incident.DestinationRegion}", uplift.Threshold, StringComparison.Ordinal);
        Assert.Equal(0, fx.Scalar($"SELECT count() FROM {database}.network_circuit_metrics WHERE circuit_id = 'CKT-CEN-EAS-003'"));
    }
}
