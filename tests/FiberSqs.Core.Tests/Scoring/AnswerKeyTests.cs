using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using FiberSqs.Core.Scenarios;
using FiberSqs.Core.Scoring;

namespace FiberSqs.Core.Tests.Scoring;

/// <summary>The answer key as scoring reads it: from generated datasets (the classic and a variant) and from
/// hand-made keys of each kind, and refused, naming the field, when it lacks what scoring needs.</summary>
public sealed class AnswerKeyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fibersqs-key-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private AnswerKey Generated(string name, ExerciseScenario scenario)
    {
        var path = Path.Combine(_root, name);
        DatasetGenerator.Generate(path, new DatasetOptions { Seed = 5, AppLogRows = 3000, Scenario = scenario });
        return AnswerKey.From(DatasetFolder.Open(path).GroundTruth);
    }

    /// <summary>The right answer, written from the scenario (what a trainer knows), not from the key.</summary>
    private static Answer RightAnswer(ExerciseScenario scenario, DatasetFolder? folder = null)
    {
        var i = scenario.Incident;
        return HandMadeKeys.Read(("Team", "right"), ("RootCauseKind", i.Kind), ("Component", i.Component),
            ("Region", i.Kind is ScenarioKinds.HostSaturation or ScenarioKinds.DeploymentRegression ? i.SourceRegion : $"{i.SourceRegion} -> {i.DestinationRegion}"), ("Start", i.Start), ("End", i.End), ("FixTime", i.FixTime),
            ("TransactionTypes", i.TransactionTypes.ToArray()), ("RedHerrings", scenario.Confounders.Select(c => c.Name).ToArray()),
            ("Tp", folder?.GroundTruth.TsoNoise.NoiseCounts["clean"] ?? 0));
    }

    [Fact]
    public void The_classic_dataset_is_scored_as_the_classic_story()
    {
        var key = Generated("classic", ExerciseScenario.Classic);
        Assert.Equal(ScenarioKinds.NetworkCircuitDegradation, key.Kind);
        Assert.Equal("CKT-CEN-EAS-003", key.CircuitId);
        Assert.Equal(("central", "east"), (key.SourceRegion, key.DestinationRegion));
        Assert.Equal(new DateTime(2025, 12, 5, 18, 15, 0, DateTimeKind.Utc), key.FixTime);
        Assert.Equal(["central_cpu_spike:host_saturation:central", "west_deployment_blip:deployment_regression:west"],
            key.Confounders.Select(c => $"{c.Name}:{c.Kind}:{c.Region}"));

        var folder = DatasetFolder.Open(Path.Combine(_root, "classic"));
        var counts = folder.GroundTruth.TsoNoise.NoiseCounts;
        var answer = RightAnswer(ExerciseScenario.Classic, folder) with
        {
            Tso = new TsoCounts(counts["missing"], counts["fabricated"], counts["wrong_customer"], counts["clean"]),
        };
        Assert.Equal(100, AnswerScorer.Score(key, answer).Percent);
    }

    [Theory]
    [InlineData(1)] // network_circuit_degradation
    [InlineData(2)] // host_saturation
    [InlineData(3)] // dependency_outage
    [InlineData(4)] // deployment_regression
    public void A_variant_of_each_kind_is_scored_against_its_own_answer_not_the_classics(int number)
    {
        var variant = ExerciseScenario.DrawVariant(number);
        var key = Generated($"variant{number}", variant);
        Assert.Equal(variant.Incident.Kind, key.Kind);
        if (variant.Incident.Kind == ScenarioKinds.NetworkCircuitDegradation)
        {
            Assert.Equal(variant.Incident.Component, key.CircuitId);
        }

        var theirs = AnswerScorer.Score(key, RightAnswer(variant));
        var classics = AnswerScorer.Score(key, RightAnswer(ExerciseScenario.Classic));
        Assert.Equal(95, theirs.Score); // all but the TSO counts, whose key this answer does not know
        Assert.True(classics.Percent < 50, classics.ToString());
    }

    [Theory]
    [InlineData(ScenarioKinds.HostSaturation)]
    [InlineData(ScenarioKinds.DependencyOutage)]
    [InlineData(ScenarioKinds.DeploymentRegression)]
    public void A_hand_made_key_of_each_kind_is_read_with_its_own_component(string kind)
    {
        var key = HandMadeKeys.Key(kind);
        Assert.Equal(kind, key.Kind);
        Assert.Null(key.CircuitId);
        Assert.Equal(kind == ScenarioKinds.HostSaturation, key.Hosts.Count > 0);
        Assert.Equal(kind != ScenarioKinds.HostSaturation, key.Service is not null);
        Assert.Equal(kind == ScenarioKinds.DependencyOutage ? "east" : key.SourceRegion, key.ComponentRegion);
    }

    [Theory]
    [InlineData("circuit", "primary_incident.circuit_id")]
    [InlineData("hosts", "primary_incident.hosts")]
    [InlineData("service", "primary_incident.service")]
    [InlineData("start", "primary_incident.start")]
    [InlineData("region", "primary_incident.dst_region")]
    [InlineData("kind", "scenario.incident_kind")]
    [InlineData("confounder", "confounders[1].component")]
    public void A_key_lacking_what_scoring_needs_is_refused_naming_the_field(string damage, string field)
    {
        var truth = damage switch
        {
            "hosts" or "kind" => HandMadeKeys.Hosts(),
            "service" => HandMadeKeys.Dependency(),
            _ => HandMadeKeys.Circuit(),
        };
        switch (damage)
        {
            case "circuit": truth.PrimaryIncident.CircuitId = null; break;
            case "hosts": truth.PrimaryIncident.Hosts = []; break;
            case "service": truth.PrimaryIncident.Service = ""; break;
            case "start": truth.PrimaryIncident.Start = "soon"; break;
            case "region": truth.PrimaryIncident.DstRegion = "mars"; break;
            case "kind": truth.Exercise!.IncidentKind = "meteor_strike"; break;
            case "confounder": truth.Confounders[1].Component = "weather"; break;
        }

        var e = Assert.Throws<InvalidDataException>(() => AnswerKey.From(truth));
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
    }
}
