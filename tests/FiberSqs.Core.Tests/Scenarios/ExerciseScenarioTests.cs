using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using FiberSqs.Core.Scenarios;
using FiberSqs.Core.Tests.Generation;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Scenarios;

/// <summary>The scenario model: the classic as it was, variants of equal shape drawn from a number, the JSON form and
/// its refusals, and generated variants that tell their own story and pass validation.</summary>
public sealed class ExerciseScenarioTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fibersqs-scn-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void The_classic_is_the_original_story_and_survives_a_JSON_round_trip()
    {
        var classic = ExerciseScenario.Classic;
        Assert.Equal("CKT-CEN-EAS-003", classic.Incident.Component);
        Assert.Equal(["provision_fiber_sqs", "modify_service_profile"], classic.Incident.TransactionTypes);
        Assert.Equal(["central_cpu_spike", "west_deployment_blip"], classic.Confounders.Select(c => c.Name));
        var back = ScenarioJson.Read(ScenarioJson.Write(classic));
        Assert.Equal(classic, back);
        Assert.True(back.IsClassic);
    }

    [Fact]
    public void A_class_of_30_variants_has_30_different_answers_inside_the_week_with_no_overlaps()
    {
        var variants = Enumerable.Range(1, 30).Select(ExerciseScenario.DrawVariant).ToList();
        Assert.Equal(30, variants.Select(v => (v.Incident.Component, v.Incident.Start, string.Join(",", v.Incident.TransactionTypes))).Distinct().Count());
        // Every kind in turn; circuits and host pools rarely repeat.
        Assert.Equal(ScenarioKinds.All, variants.Take(4).Select(v => v.Incident.Kind));
        var places = variants.Where(v => v.Incident.Kind is ScenarioKinds.NetworkCircuitDegradation or ScenarioKinds.HostSaturation).ToList();
        Assert.True(places.Select(v => v.Incident.Component).Distinct().Count() >= places.Count - 2, "circuits and host pools should rarely repeat in a class");
        foreach (var v in variants)
        {
            var i = v.Incident;
            Assert.NotEqual(i.SourceRegion, i.DestinationRegion);
            Assert.True(Scenario.OriginWeights[Scenario.RegionIndex(i.SourceRegion)] >= ExerciseScenario.MinSourceShare, $"{v.Name}: a thin source region");
            switch (i.Kind)
            {
                case ScenarioKinds.NetworkCircuitDegradation:
                    Assert.StartsWith($"CKT-{Scenario.RegionCode(i.SourceRegion)}-{Scenario.RegionCode(i.DestinationRegion)}-0", i.Component, StringComparison.Ordinal);
                    break;
                case ScenarioKinds.HostSaturation:
                    Assert.Equal(3, i.Hosts.Count);
                    Assert.All(i.Hosts, h => Assert.StartsWith($"fibersqs-prod-{i.SourceRegion}-host", h, StringComparison.Ordinal));
                    break;
                case ScenarioKinds.DependencyOutage:
                    Assert.Equal(ScenarioKinds.DependencyService, i.Component);
                    break;
                default:
                    Assert.Equal(ScenarioKinds.RegressedService, i.Component);
                    break;
            }

            Assert.InRange(i.Start, Scenario.WindowStart, Scenario.WindowEnd);
            Assert.True(i.FixTime <= Scenario.WindowEnd - TimeSpan.FromHours(6));
            Assert.Equal(Scenario.IncidentEnd - Scenario.IncidentStart, i.End - i.Start); // the classic's length: equal difficulty
            Assert.Equal(2, i.TransactionTypes.Count);
            var (spike, blip) = (v.Confounders[0], v.Confounders[1]);
            Assert.NotEqual(spike.Kind, blip.Kind);
            Assert.Equal(ScenarioKinds.ConfounderComponent(spike.Kind), spike.Component);
            Assert.Equal(i.SourceRegion, spike.Region); // as in the classic: the first red herring sits in the incident's region
            Assert.NotEqual(i.SourceRegion, blip.Region);
            foreach (var c in v.Confounders)
            {
                Assert.True(c.End <= i.Start || c.Start >= i.FixTime, $"{v.Name}: {c.Name} overlaps the incident");
                Assert.InRange(c.Start, Scenario.WindowStart, Scenario.WindowEnd);
            }

            Assert.True(spike.End <= blip.Start || blip.End <= spike.Start, $"{v.Name}: the confounders overlap");
            Assert.Equal(v, ScenarioJson.Read(ScenarioJson.Write(v)));
        }

        Assert.Equal(ExerciseScenario.DrawVariant(17), ExerciseScenario.DrawVariant(17));
        // Every kind serves as a red herring somewhere in the class.
        Assert.Equal(ScenarioKinds.All.Order(), variants.SelectMany(v => v.Confounders.Select(c => c.Kind)).Distinct().Order());
    }

    [Theory]
    [InlineData("\"Kind\": \"network_circuit_degradation\"", "\"Kind\": \"solar_flare\"", "Incident.Kind")]
    [InlineData("\"Component\": \"CKT-CEN-EAS-003\"", "\"Component\": \"CKT-WES-EAS-003\"", "Incident.Component")]
    [InlineData("\"DestinationRegion\": \"east\"", "\"DestinationRegion\": \"mars\"", "Incident.DestinationRegion")]
    [InlineData("\"End\": \"2025-12-02T11:00:00Z\"", "\"End\": \"2025-12-03T13:00:00Z\"", "Confounders[0].Start")]
    [InlineData("\"Start\": \"2025-12-03T12:20:00Z\"", "\"Start\": \"2026-03-03T12:20:00Z\"", "Incident.Start")]
    [InlineData("\"Difficulty\": \"classic\"", "\"Difficulty\": \"nightmare\"", "Difficulty")]
    [InlineData("\"provision_fiber_sqs\"", "\"diagnostic_ping_x\"", "Incident.TransactionTypes[0]")]
    [InlineData("{", "[", "(file)")]
    [InlineData("\"Kind\": \"network_circuit_degradation\"", "\"Kind\": \"dependency_outage\"", "Incident.Component")]
    [InlineData("\"Kind\": \"network_circuit_degradation\"", "\"Kind\": \"host_saturation\"", "Incident.Component")]
    public void A_bad_field_is_ScenarioInvalid_naming_the_field(string from, string to, string field)
    {
        var json = ScenarioJson.Write(ExerciseScenario.Classic);
        Assert.Contains(from, json, StringComparison.Ordinal);
        var bad = ReplaceFirst(json, from, to);
        var e = Assert.Throws<ScenarioInvalidException>(() => ScenarioJson.Read(bad));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Property_names_are_read_in_any_case()
    {
        var json = ScenarioJson.Write(ExerciseScenario.Classic).Replace("\"Incident\"", "\"incident\"", StringComparison.Ordinal)
            .Replace("\"Name\"", "\"name\"", StringComparison.Ordinal);
        Assert.Equal(ExerciseScenario.Classic, ScenarioJson.Read(json));
    }

    [Fact]
    public void The_classic_read_back_from_JSON_writes_exactly_the_default_bytes()
    {
        var options = new DatasetOptions { Seed = 5, AppLogRows = 20_000, EnableTier2 = true };
        var fromJson = options with { Scenario = ScenarioJson.Read(ScenarioJson.Write(ExerciseScenario.Classic)) };
        Assert.Equal(Hashes(options, "default"), Hashes(fromJson, "json"));
    }

    [Fact]
    public void A_generated_variant_tells_its_own_story_and_passes_validation()
    {
        var variant = Enumerable.Range(1, 50).Select(ExerciseScenario.DrawVariant)
            .First(v => v.Incident.Kind == ScenarioKinds.NetworkCircuitDegradation && v.Incident.SourceRegion != "central" && v.Incident.DestinationRegion != "east");
        var path = Path.Combine(_root, "variant");
        DatasetGenerator.Generate(path, new DatasetOptions { Seed = 7, AppLogRows = 120_000, EnableTier2 = true, Scenario = variant });
        var truth = GroundTruth.Load(Path.Combine(path, "ground_truth.json"));
        Assert.Equal(variant.Incident.Component, truth.PrimaryIncident.CircuitId);
        Assert.Equal(variant.Incident.SourceRegion, truth.PrimaryIncident.SrcRegion);
        Assert.Equal(variant.Name, truth.Exercise!.Name);
        Assert.Equal([variant.Confounders[0].Name, variant.Confounders[1].Name], truth.Confounders.Select(c => c.Name));

        var report = DatasetValidator.Validate(path);
        Assert.True(report.Passed, string.Join("; ", report.FailedChecks.Select(c => $"{c.Name}: {c.Message}")));

        // The incident's circuit is the one that degrades: its RTT in bursts stands out, the classic's circuit is not in the data.
        var metrics = File.ReadLines(Path.Combine(path, "data", "clickhouse-network_circuit_metrics.csv")).ToList();
        Assert.Contains(metrics, l => l.Contains(variant.Incident.Component, StringComparison.Ordinal));
        Assert.DoesNotContain(metrics, l => l.Contains("CKT-CEN-EAS-003", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("standard")]
    [InlineData("hard")]
    public void Above_classic_the_giveaways_go_and_the_dataset_still_passes_validation(string difficulty)
    {
        var scenario = ExerciseScenario.DrawVariant(5) with { Difficulty = difficulty };
        Assert.Equal(ScenarioKinds.NetworkCircuitDegradation, scenario.Incident.Kind);
        var path = Path.Combine(_root, difficulty);
        DatasetGenerator.Generate(path, new DatasetOptions { Seed = 7, AppLogRows = 120_000, EnableTier2 = true, Scenario = scenario });
        var report = DatasetValidator.Validate(path);
        Assert.True(report.Passed, string.Join("; ", report.FailedChecks.Select(c => $"{c.Name}: {c.Message}")));

        var circuit = scenario.Incident.Component;
        var logs = TestCsv.Read(Path.Combine(path, "data", "clickhouse-app_logs.csv"));
        var calls = logs.Where(r => r["event"] == "dependency_call").ToList();
        // WARN is no longer the incident's mark: calls on other circuits are WARN too, and not every WARN is in a burst.
        Assert.Contains(calls, r => r["level"] == "WARN" && r["circuit_id"] != circuit);
        var events = TestCsv.Read(Path.Combine(path, "data", "clickhouse-network_events.csv"));
        Assert.DoesNotContain(events, e => e["circuit_id"] == circuit && e["severity"] == "critical");
        Assert.Contains(events, e => e["circuit_id"] != circuit && e["severity"] == "critical");
        Assert.DoesNotContain(events, e => e["description"].Contains("primary", StringComparison.OrdinalIgnoreCase));

        var transactions = logs.Where(r => r["event"] == "received").Select(r => r["transaction_id"]).ToHashSet();
        var traced = TestCsv.Read(Path.Combine(path, "data", "clickhouse-trace_spans.csv")).Select(r => r["transaction_id"]).ToHashSet();
        var share = traced.Count / (double)transactions.Count;
        if (difficulty == "hard")
        {
            Assert.InRange(share, 0.55, 0.65); // partial trace sampling
            Assert.True(logs.Count(r => r["event"] == "queued") < transactions.Count, "some intermediate rows are lost");
        }
        else
        {
            Assert.Equal(1.0, share);
            Assert.Equal(transactions.Count, logs.Count(r => r["event"] == "queued"));
        }
    }

    [Fact]
    public void A_hard_dataset_that_lost_more_traces_than_its_key_declares_fails_span_transactions()
    {
        var path = Path.Combine(_root, "hard-damaged");
        DatasetGenerator.Generate(path, new DatasetOptions
        {
            Seed = 7, AppLogRows = 60_000, Scenario = ExerciseScenario.DrawVariant(2) with { Difficulty = "hard" },
        });
        var spans = Path.Combine(path, "data", "clickhouse-trace_spans.csv");
        var lines = File.ReadAllLines(spans);
        File.WriteAllLines(spans, lines.Take(1 + (lines.Length - 1) / 2)); // half the traced transactions go
        var truth = GroundTruth.Load(Path.Combine(path, "ground_truth.json"));
        truth.Generation.RowCounts["trace_spans"] = (lines.Length - 1) / 2;
        truth.Save(Path.Combine(path, "ground_truth.json"));
        var check = DatasetValidator.Validate(path).Check(CheckNames.SpanTransactions)!;
        Assert.False(check.Passed);
        Assert.Contains("where the key says 60%", check.Message, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Hashes(DatasetOptions options, string name)
    {
        var path = Path.Combine(_root, name);
        DatasetGenerator.Generate(path, options);
        return TestCsv.FolderHashes(path);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var i = text.IndexOf(from, StringComparison.Ordinal);
        return text[..i] + to + text[(i + from.Length)..];
    }
}
