using FiberSqs.Core.ClickHouse;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>A private 18.16 server with the small dataset imported into the default database, for the README's
/// queries, which name fibersqs_prod as written.</summary>
public sealed class DefaultDatabaseFixture : IDisposable
{
    public DefaultDatabaseFixture()
    {
        Server = new ClickHouseTestServer();
        Dataset = new SmallDataset();
        using var connection = Connect();
        Result = ClickHouseImporter.RunAsync(connection, ImportDataset.Open(Dataset.Root), new ImportOptions()).GetAwaiter().GetResult();
    }

    public ClickHouseTestServer Server { get; }
    public SmallDataset Dataset { get; }
    internal ImportResult Result { get; }

    internal ClickHouseConnection Connect() =>
        ClickHouseConnection.OpenAsync(ClickHouseEndpoint.Parse(Server.Url), null).GetAwaiter().GetResult();

    public void Dispose()
    {
        Server.Dispose();
        Dataset.Dispose();
    }
}

/// <summary>Every query the README shows, exactly as written, on 18.16 unless the README says it needs a current
/// server (ChdbTests runs them all on the current engine); the confusion matrix equals the answer key.</summary>
public sealed class ReadmeQueryTests(DefaultDatabaseFixture server) : IClassFixture<DefaultDatabaseFixture>
{
    public static TheoryData<string> Queries() => [.. ReadmeQueries.All().Select(q => q.Comment)];

    public static ReadmeQuery Query(string comment) => ReadmeQueries.All().Single(q => q.Comment == comment);

    [Fact]
    public void The_README_shows_the_confusion_matrix_in_both_forms_and_says_which_server_each_needs()
    {
        var all = ReadmeQueries.All();
        Assert.True(all.Count >= 6, string.Join("\n", all));
        Assert.Contains(all, q => q.CurrentServersOnly && q.Sql.StartsWith("WITH log_txn AS", StringComparison.Ordinal));
        Assert.Contains(all, q => !q.CurrentServersOnly && q.Sql.Contains("LEFT JOIN (", StringComparison.Ordinal) && q.Sql.Contains("fp_nonexistent_txn_id", StringComparison.Ordinal));
        Assert.All(all.Where(q => q.Sql.StartsWith("WITH", StringComparison.Ordinal)), q => Assert.True(q.CurrentServersOnly, q.Comment));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_README_query_runs_as_written_on_18_16_or_is_marked_for_current_servers(string comment)
    {
        var query = Query(comment);
        using var connection = server.Connect();
        if (query.CurrentServersOnly)
        {
            // Said to need a current server: 18.16 must indeed refuse it, or the README says too much.
            await Assert.ThrowsAnyAsync<ClickHouseException>(() => connection.QueryAsync(query.Sql));
            return;
        }

        Assert.NotEmpty(await connection.QueryAsync(query.Sql));
    }

    [Fact]
    public async Task The_inline_form_of_the_confusion_matrix_equals_the_answer_key_on_18_16()
    {
        var noise = server.Dataset.Truth.TsoNoise.NoiseCounts;
        long[] expected = [noise["missing"], noise["fabricated"], noise["wrong_customer"], noise["clean"]];
        using var connection = server.Connect();
        foreach (var q in ReadmeQueries.All().Where(q => q.Sql.Contains("fp_nonexistent_txn_id", StringComparison.Ordinal) && !q.CurrentServersOnly))
        {
            Assert.Equal(expected, (await connection.QueryAsync(q.Sql))[0].Take(4).Select(TabSeparated.ParseInt64));
        }
    }

    [Fact]
    public void The_post_load_report_carries_the_originals_sections_computed_on_the_server()
    {
        var truth = server.Dataset.Truth;
        var sections = server.Result.Validation.Sections;
        Assert.Equal(truth.TsoNoise.NoiseCounts["clean"], (long)sections["tso_tp_count"]!);
        Assert.Equal(truth.TsoNoise.NoiseCounts["fabricated"], (long)sections["tso_fp_count"]!);
        Assert.Equal(truth.TsoNoise.NoiseCounts["missing"], (long)sections["tso_postload"]!["confusion_matrix"]!["tso_fn_count"]!);
        var fix = sections["fix_verification"]!.AsArray();
        Assert.Equal(["post_fix", "pre_fix"], fix.Select(w => (string)w!["window"]!));
        Assert.True((double)fix[1]!["p95_latency_ms"]! > (double)fix[0]!["p95_latency_ms"]!);
        var regions = sections["incident_p95_multiplier"]!.AsArray();
        var central = regions.Single(r => (string)r!["region"]! == "central")!;
        Assert.True((double)central["p95_multiplier"]! > regions.Where(r => (string)r!["region"]! != "central").Max(r => (double)r!["p95_multiplier"]!));
        Assert.Equal("CKT-CEN-EAS-003", (string)sections["top_central_to_east_circuit_uplift"]![0]!["circuit_id"]!);
        Assert.True((long)sections["impacted_slice_volume"]!["max_rpm"]! > 0);

        // The same keys in postload_validation.json, beside passed/checks.
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(server.Result.ReportPath!));
        foreach (var key in new[] { "passed", "checks", "impacted_slice_volume", "fix_verification", "incident_p95_multiplier",
                     "top_central_to_east_circuit_uplift", "tso_postload", "tso_tp_count", "tso_fn_rate", "tso_wrong_link_rate_joined" })
        {
            Assert.True(report.RootElement.TryGetProperty(key, out _), key);
        }
    }
}
