using FiberSqs.Core.Scenarios;
using FiberSqs.Core.Scoring;
using static FiberSqs.Core.Tests.Scoring.HandMadeKeys;

namespace FiberSqs.Core.Tests.Scoring;

/// <summary>The scoring rules of docs/scoring.md on hand-made keys of every incident kind: a perfect answer, the
/// tolerances, partial credit, and a red herring blamed as the root cause.</summary>
public sealed class AnswerScorerTests
{
    public static TheoryData<string> Kinds => [.. ScenarioKinds.All];

    private static CriterionScore Criterion(AnswerScore score, string name) => score.Criteria.Single(c => c.Name == name);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_perfect_answer_scores_100_percent(string kind)
    {
        var score = Score(kind);
        Assert.Equal(100, score.Score);
        Assert.Equal(100, score.MaxScore);
        Assert.Equal(100, score.Percent);
        Assert.All(score.Criteria, c => Assert.Equal(c.MaxPoints, c.Points));
        Assert.Null(score.MostMissed);
        Assert.Null(score.BlamedRedHerring);
        Assert.Equal("Perfect: every criterion in full.", score.Feedback);
        Assert.Equal(["RootCauseKind", "Component", "Region", "Window", "FixTime", "TransactionTypes", "RedHerrings", "TsoCounts"],
            score.Criteria.Select(c => c.Name));
    }

    [Fact]
    public void Blaming_the_cpu_spike_as_the_root_cause_scores_under_half()
    {
        var score = Score(ScenarioKinds.NetworkCircuitDegradation, ("RootCauseKind", "host_saturation"), ("Component", "fibersqs-prod-central-host04"),
            ("Region", "central"), ("Start", "2025-12-02T09:30Z"), ("End", "2025-12-02T11:00Z"), ("FixTime", null),
            ("RedHerrings", "west deployment"));
        Assert.Equal("central_cpu_spike", score.BlamedRedHerring);
        Assert.True(score.Percent < 50, $"{score}");
        Assert.All(score.Criteria.Where(c => ScoringRules.RootCause.Contains(c.Name)), c => Assert.Equal(0, c.Points));
        Assert.StartsWith("Blamed the red herring central_cpu_spike", score.Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Blaming_the_deployment_blip_scores_under_half_even_with_everything_else_right(string kind)
    {
        // Types, the other red herring and the TSO counts all right: 20 points at most are left.
        var score = Score(kind, ("RootCauseKind", "app"), ("Component", "orchestrator"), ("Region", "west"),
            ("Start", "2025-12-06T17:00Z"), ("End", "2025-12-06T18:00Z"), ("FixTime", "2025-12-06T18:05Z"));
        Assert.Equal("west_deployment_blip", score.BlamedRedHerring);
        Assert.True(score.Percent <= 20, $"{score}");
        Assert.Contains("no credit (blames the red herring west_deployment_blip)", Criterion(score, "Window").Why, StringComparison.Ordinal);
    }

    [Fact]
    public void The_right_component_in_a_red_herrings_window_is_not_a_blame()
    {
        var score = Score(ScenarioKinds.NetworkCircuitDegradation, ("Start", "2025-12-02T09:30Z"), ("End", "2025-12-02T11:00Z"), ("FixTime", null));
        Assert.Null(score.BlamedRedHerring);
        Assert.Equal(25, Criterion(score, "Component").Points);
        Assert.Equal(0, Criterion(score, "Window").Points);
    }

    [Fact]
    public void A_window_off_by_30_minutes_gets_partial_credit()
    {
        var score = Score(ScenarioKinds.NetworkCircuitDegradation, ("Start", "2025-12-03T12:50Z"), ("End", "2025-12-05T18:40Z"));
        var window = Criterion(score, "Window");
        Assert.Equal(10, window.Points);
        Assert.Equal(20, window.MaxPoints);
        Assert.Equal("start 30 min late (half: within 60 min); end 30 min late (half: within 60 min)", window.Why);
        Assert.Equal(90, score.Percent);
        Assert.Equal("Window", score.MostMissed?.Name);
    }

    [Theory]
    [InlineData("2025-12-03T12:20:59Z", 10)] // seconds never matter
    [InlineData("2025-12-03T12:10Z", 10)] // 10 min early: still full
    [InlineData("2025-12-03T13:20Z", 5)] // 60 min: half
    [InlineData("2025-12-03T14:20Z", 2)] // 2 h: a fifth
    [InlineData("2025-12-03T19:00Z", 0)] // over 6 h
    public void Each_window_edge_earns_by_minutes_not_seconds(string start, double startPoints)
    {
        var window = Criterion(Score(ScenarioKinds.HostSaturation, ("Start", start)), "Window");
        Assert.Equal(10 + startPoints, window.Points);
    }

    [Fact]
    public void The_fix_time_has_the_same_tolerance()
    {
        Assert.Equal(5, Criterion(Score(ScenarioKinds.NetworkCircuitDegradation, ("FixTime", "2025-12-05T18:10Z")), "FixTime").Points);
        Assert.Equal(2.5, Criterion(Score(ScenarioKinds.NetworkCircuitDegradation, ("FixTime", "2025-12-05T19:00Z")), "FixTime").Points);
        var missing = Criterion(Score(ScenarioKinds.NetworkCircuitDegradation, ("FixTime", null)), "FixTime");
        Assert.Equal((0, "not given"), (missing.Points, missing.Why));
    }

    [Theory]
    [InlineData("CKT-CEN-EAS-003", null, 25)]
    [InlineData("ckt-cen-eas-003", null, 25)]
    [InlineData("CKT-CEN-EAS-003; CKT-CEN-EAS-217", null, 18)] // hedged
    [InlineData("CKT-CEN-EAS-217", null, 12)] // the right pair's healthy circuit
    [InlineData("CKT-CEN-EAS-042", null, 12)] // the right pair, another id
    [InlineData("CKT-EAS-CEN-003", null, 8)] // the pair reversed
    [InlineData("CKT-CEN-WES-210", null, 5)] // one end right
    [InlineData("fibersqs-prod-east-host02", "north", 5)] // a host in the right region (its own, whatever Region says)
    [InlineData("the database", "central", 5)]
    [InlineData("the database", "north", 0)]
    [InlineData("CKT-NOR-SOU-210", "central -> east", 0)]
    public void A_circuit_is_matched_by_id_then_by_its_region_pair(string component, string? region, double points)
    {
        var score = Score(ScenarioKinds.NetworkCircuitDegradation, ("Component", component), ("Region", region));
        Assert.Equal(points, Criterion(score, "Component").Points);
        Assert.Null(score.BlamedRedHerring);
    }

    [Fact]
    public void The_right_pair_with_the_wrong_circuit_is_partial_and_says_so()
    {
        var score = Score(ScenarioKinds.NetworkCircuitDegradation, ("Component", "CKT-CEN-EAS-217"));
        var component = Criterion(score, "Component");
        Assert.Equal(12, component.Points);
        Assert.Contains("healthy circuit of the right pair", component.Why, StringComparison.Ordinal);
        Assert.Equal(87, score.Percent);
        Assert.StartsWith("Close to the root cause.", score.Feedback, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fibersqs-prod-east-host07", null, 25)]
    [InlineData("FIBERSQS-PROD-EAST-HOST03", null, 25)]
    [InlineData("fibersqs-prod-east-host03; fibersqs-prod-east-host07", null, 25)]
    [InlineData("fibersqs-prod-east-host03, fibersqs-prod-east-host05", null, 18)] // one of two is saturated
    [InlineData("fibersqs-prod-east-host05", null, 12)] // a host of the right region
    [InlineData("east hosts", null, 12)]
    [InlineData("CPU", "east", 12)]
    [InlineData("inventory-client", "east", 5)] // something else in the right region
    [InlineData("fibersqs-prod-west-host07", null, 0)]
    public void Host_saturation_credits_any_saturated_host(string component, string? region, double points)
    {
        var score = Score(ScenarioKinds.HostSaturation, ("Component", component), ("Region", region));
        Assert.Equal(points, Criterion(score, "Component").Points);
    }

    [Theory]
    [InlineData("inventory-client", "east", 25)]
    [InlineData("inventory-client (east)", null, 25)]
    [InlineData("east/inventory-client", null, 25)]
    [InlineData("Inventory-Client", "central -> east", 25)] // callers -> dependency
    [InlineData("inventory-client", null, 12)] // the service runs in every region
    [InlineData("inventory-client", "central", 12)] // the callers' region
    [InlineData("orchestrator", "east", 5)]
    [InlineData("inventory", "east", 5)] // not the service's name
    [InlineData("orchestrator", "north", 0)]
    public void A_dependency_outage_needs_the_service_and_its_region(string component, string? region, double points)
    {
        var score = Score(ScenarioKinds.DependencyOutage, ("Component", component), ("Region", region));
        Assert.Equal(points, Criterion(score, "Component").Points);
    }

    [Theory]
    [InlineData("worker", "south", 25)]
    [InlineData("worker@south", null, 25)]
    [InlineData("worker", "west", 12)]
    [InlineData("worker-retry", "south", 5)] // another service, however alike its name
    [InlineData("api", "north", 0)]
    public void A_deployment_regression_needs_the_released_service_and_its_region(string component, string? region, double points)
    {
        var score = Score(ScenarioKinds.DeploymentRegression, ("Component", component), ("Region", region));
        Assert.Equal(points, Criterion(score, "Component").Points);
    }

    [Theory]
    [InlineData("central -> east", 10)]
    [InlineData("CEN-EAS", 10)]
    [InlineData("east,central", 7)]
    [InlineData("central", 5)]
    [InlineData("central, east, west", 3)]
    [InlineData("north", 0)]
    [InlineData(null, 10)] // from the circuit id
    public void The_region_of_a_circuit_is_its_ordered_pair(string? region, double points)
    {
        var criterion = Criterion(Score(ScenarioKinds.NetworkCircuitDegradation, ("Region", region)), "Region");
        Assert.Equal(points, criterion.Points);
        Assert.Equal(region is null, criterion.Why.EndsWith("(from the Component)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ScenarioKinds.DependencyOutage, "east", 10)]
    [InlineData(ScenarioKinds.DependencyOutage, "central", 5)]
    [InlineData(ScenarioKinds.HostSaturation, "east", 10)]
    [InlineData(ScenarioKinds.HostSaturation, "east, west", 3)]
    [InlineData(ScenarioKinds.DeploymentRegression, "south", 10)]
    [InlineData(ScenarioKinds.DeploymentRegression, "east", 0)]
    public void The_region_follows_the_kind(string kind, string region, double points) =>
        Assert.Equal(points, Criterion(Score(kind, ("Region", region)), "Region").Points);

    [Theory]
    [InlineData("provision_fiber_sqs;modify_service_profile", 10)]
    [InlineData("Provision-Fiber-SQS, MODIFY_SERVICE_PROFILE", 10)]
    [InlineData("provision_fiber_sqs", 5)]
    [InlineData("provision_fiber_sqs;modify_service_profile;cancel_subscription", 6.7)]
    [InlineData("update_billing", 0)]
    [InlineData(null, 0)]
    public void Transaction_types_score_by_overlap(string? types, double points) =>
        Assert.Equal(points, Criterion(Score(ScenarioKinds.NetworkCircuitDegradation, ("TransactionTypes", types)), "TransactionTypes").Points);

    [Theory]
    [InlineData("central_cpu_spike;west_deployment_blip", 5)]
    [InlineData("Central CPU spike, west deployment", 5)] // by name, by region and kind words
    [InlineData("2025-12-02T09:30Z/2025-12-02T11:00Z; 2025-12-06T17:05Z..2025-12-06T18:10Z", 5)] // by windows
    [InlineData("2025-12-02 09:30 to 2025-12-02 11:00, 2025-12-06 17:00--2025-12-06 18:00", 5)]
    [InlineData("2025-12-06T17:30Z", 2.5)] // a time inside one
    [InlineData("central_cpu_spike", 2.5)]
    [InlineData("west cpu", 0)] // the wrong region for a CPU spike
    [InlineData("2025-12-01T00:00Z/2025-12-08T00:00Z", 0)] // the whole week points at nothing
    [InlineData(null, 0)]
    public void Red_herrings_score_by_how_many_are_named(string? named, double points)
    {
        var criterion = Criterion(Score(ScenarioKinds.NetworkCircuitDegradation, ("RedHerrings", named)), "RedHerrings");
        Assert.Equal(points, criterion.Points);
    }

    [Fact]
    public void Red_herrings_say_how_each_was_named_and_what_matched_none()
    {
        var why = Criterion(Score(ScenarioKinds.NetworkCircuitDegradation, ("RedHerrings", "west deployment;the moon")), "RedHerrings").Why;
        Assert.Equal("named 1 of 2: west_deployment_blip (by region and kind); missed central_cpu_spike; not a red herring here: 'the moon'", why);
    }

    [Theory]
    [InlineData("1", "2", "3", "94", 5)]
    [InlineData("1", "2", "3", "95", 4.4)] // tp one off: half of its quarter
    [InlineData("1", "2", "3", "80", 3.8)]
    [InlineData("1", null, null, null, 1.3)]
    [InlineData(null, null, null, null, 0)]
    public void The_tso_confusion_counts_score_a_quarter_each(string? fn, string? fp, string? wrong, string? tp, double points)
    {
        var score = Score(ScenarioKinds.NetworkCircuitDegradation, ("fn_missing_txn_id", fn), ("fp_nonexistent_txn_id", fp), ("wrong_link", wrong), ("tp", tp));
        Assert.Equal(points, Criterion(score, "TsoCounts").Points);
    }

    [Theory]
    [InlineData("network", ScenarioKinds.NetworkCircuitDegradation)]
    [InlineData("Infra", ScenarioKinds.HostSaturation)]
    [InlineData("HOST", ScenarioKinds.HostSaturation)]
    [InlineData("host saturation", ScenarioKinds.HostSaturation)]
    [InlineData("dependency", ScenarioKinds.DependencyOutage)]
    [InlineData("app", ScenarioKinds.DeploymentRegression)]
    [InlineData("Deployment-Regression", ScenarioKinds.DeploymentRegression)]
    public void The_kind_takes_kind_names_and_root_cause_words(string word, string kind)
    {
        var score = Score(kind, ("RootCauseKind", word));
        Assert.Equal(20, Criterion(score, "RootCauseKind").Points);
        Assert.Equal(0, Criterion(Score(kind == ScenarioKinds.HostSaturation ? ScenarioKinds.DependencyOutage : ScenarioKinds.HostSaturation,
            ("RootCauseKind", word)), "RootCauseKind").Points);
    }

    [Fact]
    public void Feedback_names_what_was_partial_and_missed()
    {
        var score = Score(ScenarioKinds.NetworkCircuitDegradation, ("Start", "2025-12-03T12:50Z"), ("tp", null), ("fn_missing_txn_id", null),
            ("fp_nonexistent_txn_id", null), ("wrong_link", null));
        Assert.Equal("Found the root cause. Partial: Window. Missed: TsoCounts.", score.Feedback);
        Assert.StartsWith("Did not find the root cause.", Score(ScenarioKinds.NetworkCircuitDegradation, ("Component", "CKT-NOR-SOU-210")).Feedback, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_add_up_and_round_to_a_tenth()
    {
        var score = Score(ScenarioKinds.NetworkCircuitDegradation, ("TransactionTypes", "provision_fiber_sqs;modify_service_profile;cancel_subscription"),
            ("Region", "east,central"));
        Assert.Equal(Math.Round(score.Criteria.Sum(c => c.Points), 1), score.Score);
        Assert.Equal(93.7, score.Score);
        Assert.Equal(93.7, score.Percent);
    }
}
