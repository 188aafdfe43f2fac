using FiberSqs.Core.Scenarios;
using FiberSqs.Core.Scoring;
using static FiberSqs.Core.Tests.Scoring.HandMadeKeys;

namespace FiberSqs.Core.Tests.Scoring;

/// <summary>Answers as users write them, right and wrong: CSV strings, hashtable values, JSON files. Every refusal is
/// an AnswerInvalidException naming the field.</summary>
public sealed class AnswerReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fibersqs-answers-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static AnswerInvalidException Refused(string kind, params (string Field, object? Value)[] changes) =>
        Assert.Throws<AnswerInvalidException>(() => With(kind, changes));

    [Theory]
    [InlineData("RootCauseKind")]
    [InlineData("Component")]
    [InlineData("Start")]
    [InlineData("End")]
    public void A_missing_required_field_is_refused_by_name(string field)
    {
        Assert.Equal(field, Refused(ScenarioKinds.NetworkCircuitDegradation, (field, null)).Field);
        Assert.Equal(field, Refused(ScenarioKinds.NetworkCircuitDegradation, (field, "  ")).Field); // an empty CSV cell
        var e = Refused(ScenarioKinds.NetworkCircuitDegradation, (field, Array.Empty<object>()));
        Assert.StartsWith($"{field}: missing", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Start", "yesterday")]
    [InlineData("Start", "03/12/2025 12:20")] // day and month read two ways
    [InlineData("End", "2025-13-45T00:00Z")]
    [InlineData("FixTime", "2025-12-05T25:00Z")]
    [InlineData("Start", 20251203)]
    public void A_time_that_does_not_parse_is_refused_by_name(string field, object value)
    {
        var e = Refused(ScenarioKinds.NetworkCircuitDegradation, (field, value));
        Assert.Equal(field, e.Field);
        Assert.Contains("ISO 8601", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        Assert.Equal("End", Refused(ScenarioKinds.NetworkCircuitDegradation, ("End", "2025-12-03T12:00Z")).Field);
    }

    [Fact]
    public void Times_are_utc_whatever_form_they_come_in()
    {
        var expected = new DateTime(2025, 12, 3, 12, 20, 0, DateTimeKind.Utc);
        foreach (var value in new object[]
        {
            "2025-12-03T12:20:00Z", "2025-12-03T12:20Z", "2025-12-03 12:20", "2025-12-03T13:20+01:00", "2025-12-03T12:20:00.000000Z",
            expected, expected.ToLocalTime(), DateTime.SpecifyKind(expected, DateTimeKind.Unspecified), new DateTimeOffset(expected).ToOffset(TimeSpan.FromHours(-5)),
        })
        {
            var answer = With(ScenarioKinds.NetworkCircuitDegradation, ("Start", value));
            Assert.Equal(expected, answer.Start);
            Assert.Equal(DateTimeKind.Utc, answer.Start.Kind);
        }
    }

    [Theory]
    [InlineData("satellite")]
    [InlineData("networking")]
    [InlineData("cpu")]
    public void An_unknown_kind_word_is_refused_with_the_allowed_words(string word)
    {
        var e = Refused(ScenarioKinds.NetworkCircuitDegradation, ("RootCauseKind", word));
        Assert.Equal("RootCauseKind", e.Field);
        Assert.Contains("network_circuit_degradation, host_saturation, dependency_outage, deployment_regression, network, infra, host, dependency, app, deployment", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_that_names_no_region_is_refused()
    {
        Assert.Equal("Region", Refused(ScenarioKinds.NetworkCircuitDegradation, ("Region", "the moon")).Field);
        Assert.Equal("Region", Refused(ScenarioKinds.NetworkCircuitDegradation, ("Region", "cen")).Field); // codes in capitals only
        Assert.Equal(["central", "east"], With(ScenarioKinds.NetworkCircuitDegradation, ("Region", "CEN->EAS")).Regions);
    }

    [Theory]
    [InlineData("tp", "abc")]
    [InlineData("tp", "-1")]
    [InlineData("wrong_link", 2.5)]
    [InlineData("Missing", -3L)]
    public void A_count_that_is_not_a_whole_number_is_refused(string key, object value)
    {
        var e = Refused(ScenarioKinds.NetworkCircuitDegradation, (key, value));
        Assert.Equal(AnswerFields.Canonical(key), e.Field);
    }

    [Fact]
    public void Counts_come_as_text_or_numbers_under_any_of_their_names()
    {
        var answer = Read(("RootCauseKind", "network"), ("Component", "x"), ("Start", "2025-12-03T12:20Z"), ("End", "2025-12-03T12:20Z"),
            ("fn_missing_txn_id", 1), ("Fabricated", 2L), ("WRONG-LINK", 3.0), ("clean", " 94 "));
        Assert.Equal(new TsoCounts(1, 2, 3, 94), answer.Tso);
    }

    [Fact]
    public void A_field_given_twice_is_refused()
    {
        var e = Assert.Throws<AnswerInvalidException>(() => Read(("Tp", "1"), ("clean", "2")));
        Assert.Equal("Tp", e.Field);
    }

    [Fact]
    public void Lists_come_in_one_cell_or_as_items_and_types_are_folded()
    {
        var fromCsv = With(ScenarioKinds.NetworkCircuitDegradation, ("TransactionTypes", "Provision-Fiber-SQS; modify_service_profile,"));
        var fromArray = With(ScenarioKinds.NetworkCircuitDegradation, ("TransactionTypes", new object[] { "provision_fiber_sqs", "modify_service_profile;provision_fiber_sqs" }));
        Assert.Equal(["provision_fiber_sqs", "modify_service_profile"], fromCsv.TransactionTypes);
        Assert.Equal(fromCsv.TransactionTypes, fromArray.TransactionTypes);
        var hosts = With(ScenarioKinds.HostSaturation, ("Component", new List<object?> { "fibersqs-prod-east-host03", "fibersqs-prod-east-host07" }));
        Assert.Equal("fibersqs-prod-east-host03; fibersqs-prod-east-host07", hosts.Component);
        Assert.Equal("TransactionTypes", Refused(ScenarioKinds.NetworkCircuitDegradation, ("TransactionTypes", new object[] { new[] { "a" } })).Field);
    }

    [Fact]
    public void Red_herrings_are_names_windows_or_times()
    {
        var answer = With(ScenarioKinds.NetworkCircuitDegradation, ("RedHerrings", "central cpu; 2025-12-06T17:00Z/2025-12-06T18:00Z; 2025-12-02T10:00Z"));
        Assert.Equal(3, answer.RedHerrings.Count);
        Assert.False(answer.RedHerrings[0].IsWindow);
        Assert.Equal(new DateTime(2025, 12, 6, 18, 0, 0, DateTimeKind.Utc), answer.RedHerrings[1].End);
        Assert.Equal(answer.RedHerrings[2].Start, answer.RedHerrings[2].End);
        Assert.Equal("RedHerrings", Refused(ScenarioKinds.NetworkCircuitDegradation, ("RedHerrings", "2025-12-02T09:30Z/later")).Field);
        Assert.Equal("RedHerrings", Refused(ScenarioKinds.NetworkCircuitDegradation, ("RedHerrings", "2025-12-02T11:00Z/2025-12-02T09:30Z")).Field);
    }

    [Fact]
    public void Keys_are_matched_loosely_and_unknown_ones_reported()
    {
        var reading = AnswerReader.Read(
        [
            new("root_cause_kind", "network"), new("COMPONENT", "CKT-CEN-EAS-003"), new("start", "2025-12-03T12:20Z"),
            new("End", "2025-12-05T18:10Z"), new("fix-time", "2025-12-05T18:15Z"), new("RedHerring", "central cpu"), new("Notes", "we think"),
        ], "team 7");
        Assert.Equal(["RedHerring", "Notes"], reading.IgnoredFields);
        Assert.Equal("team 7", reading.Answer.Team);
        Assert.Equal(new DateTime(2025, 12, 5, 18, 15, 0, DateTimeKind.Utc), reading.Answer.FixTime);
        Assert.Empty(reading.Answer.RedHerrings);
    }

    [Fact]
    public void A_json_file_is_read_with_its_arrays_and_numbers()
    {
        var file = Path.Combine(_root, "team.json");
        File.WriteAllText(file, """
            { "Team": "blue", "RootCauseKind": "network", "Component": "CKT-CEN-EAS-003", "Region": "central -> east",
              "Start": "2025-12-03T12:20:00Z", "End": "2025-12-05T18:10:00Z",
              "TransactionTypes": ["provision_fiber_sqs", "modify_service_profile"], "Tp": 94, "Notes": { "free": "form" } }
            """);
        var reading = AnswerReader.Read(AnswerJson.ReadFile(file), "team");
        Assert.Equal("blue", reading.Answer.Team);
        Assert.Equal(94, reading.Answer.Tso.Tp);
        Assert.Equal(2, reading.Answer.TransactionTypes.Count);
        Assert.Equal(["Notes"], reading.IgnoredFields);
        // Everything but FixTime (5), RedHerrings (5) and three of the four TSO counts (3.75) right.
        Assert.Equal(86.3, AnswerScorer.Score(Key(ScenarioKinds.NetworkCircuitDegradation), reading.Answer).Score);
    }

    [Fact]
    public void A_file_that_is_missing_or_not_one_json_object_is_refused_as_the_answer()
    {
        var missing = Assert.Throws<AnswerInvalidException>(() => AnswerJson.ReadFile(Path.Combine(_root, "none.json")));
        Assert.Equal(AnswerFields.WholeAnswer, missing.Field);
        Assert.True(missing.Unreadable);
        foreach (var text in new[] { "not json", "[1, 2]", "{\"Team\": ", "" })
        {
            var file = Path.Combine(_root, "bad.json");
            File.WriteAllText(file, text);
            var e = Assert.Throws<AnswerInvalidException>(() => AnswerJson.ReadFile(file));
            Assert.Equal(AnswerFields.WholeAnswer, e.Field);
            Assert.False(e.Unreadable);
        }

        var big = Path.Combine(_root, "big.json");
        File.WriteAllText(big, "{\"Team\": \"" + new string('x', (int)AnswerJson.MaxFileBytes) + "\"}");
        Assert.Equal(AnswerFields.WholeAnswer, Assert.Throws<AnswerInvalidException>(() => AnswerJson.ReadFile(big)).Field);
        Assert.Equal("Component", Assert.Throws<AnswerInvalidException>(() => AnswerJson.Read("{\"Component\": {\"id\": 3}}", "text")).Field);
    }

    [Fact]
    public void A_field_that_is_a_document_is_refused()
    {
        Assert.Equal("Component", Refused(ScenarioKinds.NetworkCircuitDegradation, ("Component", new string('x', 5000))).Field);
        Assert.Equal("Component", Refused(ScenarioKinds.NetworkCircuitDegradation, ("Component", new object())).Field);
    }
}
