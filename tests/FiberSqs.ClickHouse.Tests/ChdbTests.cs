using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.Files;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>chDB with a dataset loaded by the importer's own SQL (the current dialect), once for the class.</summary>
public sealed class ChdbFixture : IDisposable
{
    public const string Database = "fibersqs_prod";

    public ChdbFixture()
    {
        Dataset = new SmallDataset();
        Engine = new ChdbEngine();
        Sql = new ClickHouseSql(Engine.Dialect, Database, "default");
        Statements = [Sql.CreateDatabase()];
        foreach (var table in TableCatalog.All)
        {
            Statements.Add(Sql.CreateTable(table, table.Name));
            Statements.Add(Sql.InsertCsvFromFile(table, table.Name, DatasetLayout.CsvPath(Dataset.Root, table)));
        }

        foreach (var statement in Statements)
        {
            Engine.Exec(statement);
        }

        Days = [.. Engine.Rows(Sql.AppLogDays("app_logs")).Select(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture))];
        foreach (var view in Sql.Views(Days))
        {
            foreach (var statement in Sql.CreateOrReplaceView(view, exists: false))
            {
                Statements.Add(statement);
                Engine.Exec(statement);
            }
        }
    }

    public SmallDataset Dataset { get; }
    internal ChdbEngine Engine { get; }
    internal ClickHouseSql Sql { get; }
    public List<string> Statements { get; }
    public List<int> Days { get; }
    public GroundTruth Truth => Dataset.Truth;

    public void Dispose()
    {
        Engine.Dispose();
        Dataset.Dispose();
    }
}

/// <summary>The one chDB engine of the test run (one per process), shared by the classes that use it, in turn.</summary>
[CollectionDefinition(Name)]
public sealed class ChdbEngineGroup : ICollectionFixture<ChdbFixture>
{
    public const string Name = "chDB 26.5";
}

/// <summary>The importer's SQL for a current server, and the README's verbatim queries, on ClickHouse 26.5 (chDB).</summary>
[Collection(ChdbEngineGroup.Name)]
public sealed class ChdbTests(ChdbFixture fx)
{
    [Fact]
    public void chDB_is_a_current_server_and_gets_the_current_dialect()
    {
        Assert.StartsWith("26.5", fx.Engine.Dialect.Version.Text, StringComparison.Ordinal);
        Assert.True(fx.Engine.Dialect.HasDateTime64);
        Assert.Contains(fx.Statements, s => s.Contains("DateTime64(6, 'UTC')", StringComparison.Ordinal));
        Assert.Contains(fx.Statements, s => s.StartsWith("CREATE OR REPLACE VIEW", StringComparison.Ordinal));
        Assert.Contains(fx.Statements, s => s.Contains("LowCardinality(String)", StringComparison.Ordinal));
    }

    [Fact]
    public void Typed_columns_parse_every_timestamp_with_its_microseconds()
    {
        Assert.Equal(0, fx.Engine.Scalar(
            "SELECT count() FROM fibersqs_prod.app_logs WHERE formatDateTime(ts, '%Y-%m-%dT%H:%i:%S') || '.' || leftPad(toString(toUnixTimestamp64Micro(ts) % 1000000), 6, '0') || 'Z' != timestamp"));
        Assert.Equal(0, fx.Engine.Scalar("SELECT count() FROM fibersqs_prod.txn_facts WHERE end_dt < start_dt OR ts != start_dt"));
        Assert.Equal("Nullable(String)", fx.Engine.Rows("SELECT toTypeName(customer_id) FROM fibersqs_prod.app_logs LIMIT 1")[0][0]);
    }

    [Fact]
    public void The_post_load_validator_passes_on_chDB_with_the_same_code_as_on_a_server()
    {
        var report = PostLoadValidator.Run(fx.Engine, ChdbFixture.Database, fx.Truth);
        Assert.True(report.Passed, string.Join("\n", report.FailedChecks));
        Assert.Equal(10, report.Checks.Count);
        Assert.All(report.Checks, c => Assert.True(c.Applicable, c.Name));
        Assert.Equal(5L + 5 + (5 * 7), (long)report.Check("postload_views")!.Figure("actual_index_pattern_views")! + 5);
    }

    [Theory]
    [MemberData(nameof(ReadmeQueryTests.Queries), MemberType = typeof(ReadmeQueryTests))]
    public void A_README_query_runs_as_written_on_the_current_engine(string comment) =>
        Assert.NotEmpty(fx.Engine.Rows(ReadmeQueryTests.Query(comment).Sql));

    [Fact]
    public void Both_forms_of_the_READMEs_confusion_matrix_equal_the_answer_key_on_the_current_engine()
    {
        var noise = fx.Truth.TsoNoise.NoiseCounts;
        var forms = ReadmeQueries.All().Where(q => q.Sql.Contains("fp_nonexistent_txn_id", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, forms.Count);
        Assert.All(forms, q => Assert.Equal([noise["missing"], noise["fabricated"], noise["wrong_customer"], noise["clean"]],
            fx.Engine.Rows(q.Sql)[0].Take(4).Select(TabSeparated.ParseInt64)));
    }

    [Fact]
    public void The_post_load_sections_of_the_original_come_from_SQL_on_the_current_engine_too()
    {
        var sections = PostLoadValidator.Run(fx.Engine, ChdbFixture.Database, fx.Truth).Sections;
        var noise = fx.Truth.TsoNoise.NoiseCounts;
        Assert.Equal(noise["clean"], (long)sections["tso_tp_count"]!);
        Assert.Equal(noise["wrong_customer"], (long)sections["tso_wrong_link_count"]!);
        Assert.Equal(["post_fix", "pre_fix"], sections["fix_verification"]!.AsArray().Select(w => (string)w!["window"]!));
        Assert.Equal("CKT-CEN-EAS-003", (string)sections["top_central_to_east_circuit_uplift"]![0]!["circuit_id"]!);
        Assert.Equal(5, sections["incident_p95_multiplier"]!.AsArray().Count);
    }

    [Fact]
    public void Queries_written_for_the_original_give_the_same_kind_of_answer()
    {
        // Timeouts across the primary circuit (every row of a cross-region transaction carries its circuit).
        Assert.True(fx.Engine.Scalar("SELECT countIf(event='timeout' AND circuit_id='CKT-CEN-EAS-003') FROM fibersqs_prod.app_logs") > 50);
        // success and escalated are true/false text; false only for timeouts.
        Assert.Equal(fx.Engine.Scalar("SELECT countIf(event='timeout') FROM fibersqs_prod.app_logs"),
            fx.Engine.Scalar("SELECT countIf(success='false') FROM fibersqs_prod.txn_facts"));
        Assert.True(fx.Engine.Scalar("SELECT countIf(escalated='true') FROM fibersqs_prod.tso_calls") > 0);
        Assert.Equal(0, fx.Engine.Scalar("SELECT countIf(escalated NOT IN ('true','false')) FROM fibersqs_prod.tso_calls"));
        // The original's vocabularies.
        Assert.Equal(0, fx.Engine.Scalar("SELECT countIf(issue_category NOT IN ('slow_provisioning','timeout','failure')) FROM fibersqs_prod.tso_calls"));
        Assert.Equal(1, fx.Engine.Scalar("SELECT countIf(event_type='packet_loss_burst' AND severity='critical' AND circuit_id='CKT-CEN-EAS-003') FROM fibersqs_prod.network_events"));
        Assert.Equal(0, fx.Engine.Scalar("SELECT count() FROM fibersqs_prod.service_metrics WHERE request_rate = 0"));
        // Nothing crosses the primary after the reroute.
        Assert.Equal(0, fx.Engine.Scalar("SELECT count() FROM fibersqs_prod.app_logs WHERE circuit_id='CKT-CEN-EAS-003' AND ts >= toDateTime64('2025-12-05 18:15:00', 6, 'UTC')"));
    }

    [Fact]
    public void The_post_load_validator_catches_a_damaged_load()
    {
        fx.Engine.Exec("CREATE TABLE fibersqs_prod.tso_calls_backup AS fibersqs_prod.tso_calls");
        fx.Engine.Exec("INSERT INTO fibersqs_prod.tso_calls_backup SELECT * FROM fibersqs_prod.tso_calls");
        try
        {
            // Point one clean call at a transaction that does not exist: one TP becomes a false positive.
            fx.Engine.Exec("ALTER TABLE fibersqs_prod.tso_calls UPDATE transaction_id = 'TX-20251203000000-9999999' " +
                "WHERE call_id = (SELECT min(call_id) FROM fibersqs_prod.tso_calls WHERE transaction_id LIKE 'TX-%') SETTINGS mutations_sync = 2");
            var report = PostLoadValidator.Run(fx.Engine, ChdbFixture.Database, fx.Truth);
            var matrix = report.Check("postload_tso_confusion_matrix")!;
            Assert.False(matrix.Passed);
            Assert.Equal(fx.Truth.TsoNoise.NoiseCounts["fabricated"] + 1, matrix.Figure("fp_nonexistent_txn_id"));
            Assert.True(report.Check("postload_row_counts")!.Passed);
        }
        finally
        {
            fx.Engine.Exec("EXCHANGE TABLES fibersqs_prod.tso_calls AND fibersqs_prod.tso_calls_backup");
            fx.Engine.Exec("DROP TABLE fibersqs_prod.tso_calls_backup");
        }
    }

    [Fact]
    public void Contract_query_1_per_region_p95_runs_verbatim_and_central_stands_out()
    {
        var rows = fx.Engine.Rows("""
            SELECT region, quantileTDigest(0.95)(end_to_end_latency_ms_f64) AS p95_ms
            FROM fibersqs_prod.app_logs
            WHERE event IN ('completed','timeout')
              AND transaction_type IN ('provision_fiber_sqs','modify_service_profile')
            GROUP BY region ORDER BY region;
            """);
        Assert.Equal(["central", "east", "north", "south", "west"], rows.Select(r => r[0]));
        var p95 = rows.ToDictionary(r => r[0], r => TabSeparated.ParseFloat64(r[1]));
        Assert.True(p95["central"] > 2 * p95.Where(p => p.Key != "central").Max(p => p.Value), string.Join(", ", p95));
    }

    [Fact]
    public void Contract_query_2_the_central_20251204_index_view_exists_and_shows_the_incident()
    {
        var rows = fx.Engine.Rows("""
            SELECT quantileTDigest(0.95)(end_to_end_latency_ms_f64) AS p95_ms,
                   round(countIf(event='timeout')/count(), 4) AS timeout_rate
            FROM fibersqs_prod.fibersqs_prod_central_app_logs_20251204
            WHERE event IN ('completed','timeout')
              AND transaction_type IN ('provision_fiber_sqs','modify_service_profile');
            """);
        var p95 = TabSeparated.ParseFloat64(rows[0][0]);
        var timeoutRate = TabSeparated.ParseFloat64(rows[0][1]);
        var baseline = fx.Engine.Rows("""
            SELECT quantileTDigest(0.95)(end_to_end_latency_ms_f64), countIf(event='timeout')/count()
            FROM fibersqs_prod.fibersqs_prod_central_app_logs_20251201
            WHERE event IN ('completed','timeout') AND transaction_type IN ('provision_fiber_sqs','modify_service_profile')
            """)[0];
        Assert.True(p95 > 2 * TabSeparated.ParseFloat64(baseline[0]), $"{p95} vs {baseline[0]}");
        Assert.True(timeoutRate > TabSeparated.ParseFloat64(baseline[1]));
        Assert.True(fx.Engine.Scalar("SELECT count() FROM fibersqs_prod.fibersqs_prod_central_app_logs_20251204") > 0);
        Assert.Equal(0, fx.Engine.Scalar("SELECT count() FROM fibersqs_prod.fibersqs_prod_central_app_logs_20251204 WHERE region != 'central' OR toDate(ts) != '2025-12-04'"));
    }

    [Fact]
    public void Contract_query_3_the_confusion_matrix_runs_verbatim_and_equals_the_ground_truth()
    {
        var row = fx.Engine.Rows("""
            WITH log_txn AS (
              SELECT transaction_id, any(customer_id) AS log_customer_id
              FROM fibersqs_prod.app_logs WHERE event='received' GROUP BY transaction_id)
            SELECT
              countIf(t.transaction_id='') AS fn_missing_txn_id,
              countIf(t.transaction_id!='' AND l.log_customer_id IS NULL) AS fp_nonexistent_txn_id,
              countIf(t.transaction_id!='' AND l.log_customer_id IS NOT NULL AND t.customer_id != l.log_customer_id) AS wrong_link,
              countIf(t.transaction_id!='' AND l.log_customer_id IS NOT NULL AND t.customer_id = l.log_customer_id) AS tp
            FROM fibersqs_prod.tso_calls t LEFT JOIN log_txn l USING (transaction_id);
            """)[0].Select(TabSeparated.ParseInt64).ToArray();
        var noise = fx.Truth.TsoNoise.NoiseCounts;
        Assert.True(noise["fabricated"] > 0, "the dataset must have a fabricated id for this test to mean anything");
        Assert.True(noise["wrong_customer"] > 0);
        Assert.Equal([noise["missing"], noise["fabricated"], noise["wrong_customer"], noise["clean"]], row);
    }

    [Fact]
    public void Contract_query_4_lists_the_index_pattern_views()
    {
        var names = fx.Engine.Rows("SHOW TABLES FROM fibersqs_prod LIKE 'fibersqs_prod_%_app_logs%';").Select(r => r[0]).ToList();
        Assert.Equal(5 + (5 * fx.Days.Count), names.Count);
        Assert.Equal(7, fx.Days.Count);
        Assert.Contains("fibersqs_prod_central_app_logs_20251204", names);
        Assert.Contains("fibersqs_prod_south_app_logs", names);
    }

    [Fact]
    public void Compatibility_views_expose_the_typed_columns()
    {
        Assert.Equal(fx.Truth.Generation.RowCounts["app_logs"],
            fx.Engine.Scalar("SELECT count() FROM default.fibersqs_app_logs WHERE ts >= '2025-12-01' AND end_to_end_latency_ms_f64 >= 0"));
        Assert.Equal(fx.Truth.Generation.RowCounts["tso_calls"], fx.Engine.Scalar("SELECT count() FROM default.tso_calls WHERE toYear(ts) = 2025"));
        Assert.Equal(fx.Truth.Generation.RowCounts["trace_spans"], fx.Engine.Scalar("SELECT count() FROM default.trace_spans WHERE toYear(ts) = 2025"));
    }

    [Fact]
    public void The_current_engine_keeps_the_views_mark_so_an_import_knows_its_own_views_from_a_users()
    {
        var ours = fx.Engine.Rows("SELECT name, create_table_query FROM system.tables WHERE database IN ('fibersqs_prod', 'default') AND engine = 'View'")
            .Where(r => r[0].StartsWith("fibersqs_", StringComparison.Ordinal) || ClickHouseSql.CompatibilityViewNames.Values.Contains(r[0])).ToList();
        Assert.Equal(5 + 5 + (5 * fx.Days.Count), ours.Count);
        Assert.All(ours, r => Assert.True(ClickHouseSql.IsOwnView(r[0], r[1]), r[1]));
        Assert.All(ours, r => Assert.Equal(r[0].StartsWith("fibersqs_prod_", StringComparison.Ordinal) || r[0] == "fibersqs_app_logs" ? "fibersqs_prod.app_logs" : null,
            r[0].StartsWith("fibersqs_prod_", StringComparison.Ordinal) || r[0] == "fibersqs_app_logs" ? ClickHouseSql.ViewSource(r[1]) : null));

        fx.Engine.Exec("CREATE DATABASE IF NOT EXISTS fsq_users");
        fx.Engine.Exec("CREATE VIEW IF NOT EXISTS fsq_users.tso_calls AS SELECT call_id FROM fibersqs_prod.tso_calls WHERE resolution_time_minutes > 60");
        fx.Engine.Exec("CREATE VIEW IF NOT EXISTS fsq_users.fsq_users_east_app_logs AS SELECT * FROM fibersqs_prod.app_logs");
        foreach (var r in fx.Engine.Rows("SELECT name, create_table_query FROM system.tables WHERE database = 'fsq_users'"))
        {
            Assert.False(ClickHouseSql.IsOwnView(r[0], r[1]), r[1]);
        }
    }

    [Fact]
    public async Task The_import_lock_is_exclusive_and_taken_over_when_stale_on_the_current_engine()
    {
        fx.Engine.Exec("CREATE DATABASE IF NOT EXISTS fsq_lock");
        var held = await ImportLock.AcquireAsync(fx.Engine, "fsq_lock", "0123456789abcdef", _ => { }, CancellationToken.None);
        try
        {
            var e = await Assert.ThrowsAsync<ClickHouseImportInProgressException>(() =>
                ImportLock.AcquireAsync(fx.Engine, "fsq_lock", "fedcba9876543210", _ => { }, CancellationToken.None));
            Assert.Equal("fsq_lock", e.Database);
            await held.VerifyAsync(CancellationToken.None);
        }
        finally
        {
            await held.DisposeAsync();
        }

        Assert.Equal(0, fx.Engine.Scalar("SELECT count() FROM system.tables WHERE database = 'fsq_lock'"));

        // Another machine's lock whose heartbeat stopped long ago.
        fx.Engine.Exec($"CREATE TABLE fsq_lock.{ImportLock.TableName} (beat DateTime DEFAULT now(), token String, " +
            "owner String DEFAULT 'token=aaaaaaaaaaaaaaaa;host=another-machine;pid=1;started=2025-12-01T00:00:00Z') ENGINE = Log");
        fx.Engine.Exec($"INSERT INTO fsq_lock.{ImportLock.TableName} (beat, token) VALUES (now() - 120, 'aaaaaaaaaaaaaaaa')");
        var steps = new List<string>();
        await using (await ImportLock.AcquireAsync(fx.Engine, "fsq_lock", "bbbbbbbbbbbbbbbb", steps.Add, CancellationToken.None))
        {
            Assert.Contains(steps, s => s.Contains("heartbeat stopped", StringComparison.Ordinal));
        }

        Assert.Equal(0, fx.Engine.Scalar("SELECT count() FROM system.tables WHERE database = 'fsq_lock'"));
    }

    [Fact]
    public void The_legacy_dialect_for_18_16_is_also_valid_on_the_current_engine()
    {
        var legacy = new ClickHouseSql(ClickHouseDialect.Legacy, "fsq_legacy", "fsq_legacy_compat");
        fx.Engine.Exec(legacy.CreateDatabase());
        fx.Engine.Exec("CREATE DATABASE IF NOT EXISTS fsq_legacy_compat");
        foreach (var table in TableCatalog.All)
        {
            fx.Engine.Exec(legacy.CreateTable(table, table.Name));
            fx.Engine.Exec(legacy.InsertCsvFromFile(table, table.Name, DatasetLayout.CsvPath(fx.Dataset.Root, table)));
        }

        foreach (var statement in legacy.Views(fx.Days).SelectMany(v => legacy.CreateOrReplaceView(v, exists: false)))
        {
            fx.Engine.Exec(statement);
        }

        // A second load on 18.16 swaps each view with a RENAME; the same statements run on the current engine.
        foreach (var statement in legacy.Views(fx.Days).SelectMany(v => legacy.CreateOrReplaceView(v, exists: true)))
        {
            fx.Engine.Exec(statement);
        }

        Assert.Empty(fx.Engine.Rows("SELECT name FROM system.tables WHERE database IN ('fsq_legacy', 'fsq_legacy_compat') AND name LIKE '%\\_\\_fibersqs\\_%'"));

        var row = fx.Engine.Rows(legacy.TsoConfusionMatrix())[0].Select(TabSeparated.ParseInt64).ToArray();
        var noise = fx.Truth.TsoNoise.NoiseCounts;
        Assert.Equal([noise["missing"], noise["fabricated"], noise["wrong_customer"], noise["clean"], fx.Truth.TsoNoise.TotalCalls], row);
        Assert.DoesNotContain("WITH", legacy.TsoConfusionMatrix(), StringComparison.Ordinal);
        Assert.Equal(fx.Truth.Generation.RowCounts["app_logs"], fx.Engine.Scalar("SELECT count() FROM fsq_legacy_compat.fibersqs_app_logs"));
    }
}
