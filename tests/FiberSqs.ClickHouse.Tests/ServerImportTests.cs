using System.Text.Json;
using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.Files;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>The importer against a real ClickHouse 18.16 server: the whole pipeline, reloads, other databases.</summary>
[Collection(ServerTests.Name)]
public sealed class ServerImportTests(ServerFixture fx)
{
    private ImportResult Import(string database, string? path = null, IProgress<ImportProgress>? progress = null,
        long sliceBytes = ImportOptions.DefaultSliceBytes, bool? compatibilityViews = null, CancellationToken cancel = default) =>
        fx.Import(new ImportOptions
        {
            Database = database,
            SliceBytes = sliceBytes,
            MaxParallelLoads = sliceBytes < ImportOptions.DefaultSliceBytes ? 3 : null,
            CompatibilityViews = compatibilityViews,
        }, path, progress, cancel);

    private long Scalar(string sql) => fx.Scalar(sql);

    private List<string[]> Rows(string sql) => fx.Rows(sql);

    [Fact]
    public void Full_import_loads_every_table_creates_the_views_and_passes_the_post_load_checks()
    {
        var steps = new List<ImportProgress>();
        var result = Import("fsq_full", progress: new SyncProgress<ImportProgress>(steps.Add));

        Assert.Equal("18.16.1", result.ServerVersion);
        Assert.Equal(fx.Server.Url, result.Url);
        var truth = fx.Dataset.Truth;
        Assert.Equal(8, result.Tables.Count);
        foreach (var table in TableCatalog.All)
        {
            var expected = truth.Generation.RowCounts[table.Name];
            Assert.Equal(expected, result.Tables.Single(t => t.Table == table.Name).LoadedRows);
            Assert.Equal(expected, Scalar($"SELECT count() FROM fsq_full.{table.Name}"));
        }

        // 5 region + 5 per generated day (the full window: 7); the compatibility views only follow the default database.
        Assert.Equal(5 + (5 * 7), result.Views.Count);
        Assert.Null(result.CompatibilityDatabase);
        Assert.Equal(40, Rows("SHOW TABLES FROM fsq_full LIKE 'fsq_full_%_app_logs%'").Count);
        Assert.True(Scalar("SELECT count() FROM fsq_full.fsq_full_central_app_logs_20251204") > 0);

        // Typed columns through the views (DEFAULT columns, listed explicitly).
        Assert.Equal(truth.Generation.RowCounts["app_logs"],
            Scalar("SELECT count() FROM fsq_full.fsq_full_central_app_logs WHERE toYYYYMMDD(ts) BETWEEN 20251201 AND 20251207") +
            Scalar("SELECT count() FROM fsq_full.app_logs WHERE region != 'central'"));
        Assert.True(Scalar("SELECT count() FROM fsq_full.fsq_full_east_app_logs WHERE end_to_end_latency_ms_f64 > 0") > 0);
        Assert.Equal(0, Scalar("SELECT count() FROM fsq_full.app_logs WHERE toString(ts) != replaceRegexpOne(replaceOne(substring(timestamp, 1, 19), 'T', ' '), 'Z$', '')"));

        Assert.True(result.Validation.Passed, string.Join("\n", result.Validation.FailedChecks));
        var matrix = result.Validation.Check("postload_tso_confusion_matrix")!;
        Assert.Equal(truth.TsoNoise.NoiseCounts["fabricated"], matrix.Figure("fp_nonexistent_txn_id"));
        Assert.Equal(truth.TsoNoise.NoiseCounts["clean"], matrix.Figure("tp"));
        Assert.True(truth.TsoNoise.NoiseCounts["fabricated"] > 0, "a false positive must exist for the check to mean anything");
        Assert.Equal(truth.TsoNoise.NoiseCounts["wrong_customer"], matrix.Figure("wrong_link"));

        Assert.Equal(Path.Combine(fx.Dataset.Root, DatasetLayout.PostLoadValidationFile), result.ReportPath);
        using var report = JsonDocument.Parse(File.ReadAllText(result.ReportPath!));
        Assert.True(report.RootElement.GetProperty("passed").GetBoolean());
        Assert.Equal("fsq_full", report.RootElement.GetProperty("database").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("postload_region_p95_multiplier", checks);
        Assert.Contains("postload_views", checks);

        Assert.Contains(steps, s => s.Table == "app_logs" && s.Completed && s.RowsSent == truth.Generation.RowCounts["app_logs"]);
        Assert.Empty(Rows("SELECT name FROM system.tables WHERE database = 'fsq_full' AND name LIKE '%fibersqs_%'"));
    }

    [Fact]
    public void Second_import_replaces_the_first_leaves_no_staging_tables_and_never_touches_other_objects()
    {
        using (var c = fx.Connect())
        {
            c.Exec("CREATE DATABASE IF NOT EXISTS fsq_twice");
            c.Exec("CREATE TABLE IF NOT EXISTS fsq_twice.unrelated (x UInt32) ENGINE = MergeTree ORDER BY x");
            c.Exec("INSERT INTO fsq_twice.unrelated SELECT number FROM system.numbers LIMIT 123");
            c.Exec("CREATE TABLE IF NOT EXISTS default.keep_me (x UInt32) ENGINE = MergeTree ORDER BY x");
            c.Exec("INSERT INTO default.keep_me VALUES (1), (2)");
            // A view that only looks like ours (wrong prefix) must survive too.
            c.Exec("CREATE VIEW IF NOT EXISTS fsq_twice.fibersqs_prod_east_app_logs_20251201 AS SELECT 1 AS x");
        }

        Import("fsq_twice");
        var firstCreated = Rows("SELECT toString(metadata_modification_time) FROM system.tables WHERE database = 'fsq_twice' AND name = 'app_logs'");
        // The second load cuts every file above 2 MiB into whole-row slices loaded as concurrent INSERTs.
        var steps = new List<ImportProgress>();
        var second = Import("fsq_twice", progress: new SyncProgress<ImportProgress>(steps.Add), sliceBytes: 1 << 20);
        Assert.Contains(steps, s => s.Table == "app_logs" && s.Completed && s.RowsSent == fx.Dataset.Truth.Generation.RowCounts["app_logs"]);

        Assert.True(second.Validation.Passed, string.Join("\n", second.Validation.FailedChecks));
        foreach (var table in TableCatalog.All)
        {
            Assert.Equal(fx.Dataset.Truth.Generation.RowCounts[table.Name], Scalar($"SELECT count() FROM fsq_twice.{table.Name}"));
        }

        Assert.Equal(123, Scalar("SELECT count() FROM fsq_twice.unrelated"));
        Assert.Equal(2, Scalar("SELECT count() FROM default.keep_me"));
        Assert.Equal(1, Scalar("SELECT count() FROM fsq_twice.fibersqs_prod_east_app_logs_20251201"));
        Assert.Empty(Rows("SELECT name FROM system.tables WHERE database = 'fsq_twice' AND name LIKE '%\\_\\_fibersqs\\_%'"));
        // 18.16 replaced every view by building it beside the live one and renaming it over: no side names remain.
        Assert.Empty(Rows("SELECT name FROM system.tables WHERE database = 'default' AND (name LIKE '%\\_\\_fibersqs\\_next' OR name LIKE '%\\_\\_fibersqs\\_previous')"));
        Assert.Equal(40, Rows("SHOW TABLES FROM fsq_twice LIKE 'fsq_twice_%_app_logs%'").Count);
        Assert.NotEmpty(firstCreated);
    }

    [Fact]
    public void Compatibility_views_go_to_the_logs_database_when_it_exists_and_a_foreign_table_there_is_never_dropped()
    {
        using var c = fx.Connect();
        try
        {
            c.Exec("CREATE DATABASE IF NOT EXISTS logs");
            c.Exec("CREATE TABLE logs.tso_calls (x UInt32) ENGINE = MergeTree ORDER BY x");
            c.Exec("INSERT INTO logs.tso_calls VALUES (42)");
            var conflict = Assert.Throws<ClickHouseObjectConflictException>(() => Import("fsq_logs", compatibilityViews: true));
            Assert.Equal("logs.tso_calls", conflict.ObjectName);
            Assert.Equal(1, Scalar("SELECT count() FROM logs.tso_calls"));
            Assert.Empty(Rows("SELECT name FROM system.tables WHERE database = 'fsq_logs'"));

            c.Exec("DROP TABLE logs.tso_calls");
            var result = Import("fsq_logs", compatibilityViews: true);
            Assert.Equal("logs", result.CompatibilityDatabase);
            Assert.True(result.Validation.Passed, string.Join("\n", result.Validation.FailedChecks));
            Assert.Equal(fx.Dataset.Truth.Generation.RowCounts["app_logs"], Scalar("SELECT count() FROM logs.fibersqs_app_logs"));
            Assert.Equal(5, Rows("SELECT name FROM system.tables WHERE database = 'logs' AND engine = 'View'").Count);
            Assert.True(Scalar("SELECT count() FROM fsq_logs.fsq_logs_central_app_logs_20251204") > 0);
        }
        finally
        {
            c.Exec("DROP DATABASE IF EXISTS logs");
        }
    }

    [Theory]
    [InlineData("default")]
    [InlineData("logs")]
    [InlineData("LOGS")]
    [InlineData("system")]
    [InlineData("INFORMATION_SCHEMA")]
    [InlineData("information_schema")]
    public void The_compatibility_and_system_databases_are_refused_as_the_target_before_anything_changes(string database)
    {
        var before = Rows("SELECT database, name FROM system.tables WHERE database NOT IN ('system', 'INFORMATION_SCHEMA', 'information_schema') ORDER BY database, name")
            .Select(r => r[0] + "." + r[1]).ToList();
        var databases = Rows("SELECT name FROM system.databases ORDER BY name").Select(r => r[0]).ToList();
        var e = Assert.Throws<ArgumentException>(() => Import(database));
        Assert.Contains("Nothing was changed", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("drop", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(databases, Rows("SELECT name FROM system.databases ORDER BY name").Select(r => r[0]));
        Assert.Equal(before, Rows("SELECT database, name FROM system.tables WHERE database NOT IN ('system', 'INFORMATION_SCHEMA', 'information_schema') ORDER BY database, name")
            .Select(r => r[0] + "." + r[1]));
    }

    [Fact]
    public void A_truncated_csv_is_refused_after_loading_into_staging_and_the_previous_load_stays()
    {
        Import("fsq_trunc");
        var copy = fx.Dataset.Copy();
        try
        {
            var csv = DatasetLayout.CsvPath(copy, TableCatalog.TraceSpans);
            var lines = File.ReadAllLines(csv);
            File.WriteAllLines(csv, lines.Take(lines.Length - 10));
            var e = Assert.Throws<DatasetFolderException>(() => Import("fsq_trunc", copy));
            Assert.Equal(DatasetProblem.Incomplete, e.Problem);
            Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
            Assert.Equal(fx.Dataset.Truth.Generation.RowCounts["trace_spans"], Scalar("SELECT count() FROM fsq_trunc.trace_spans"));
            Assert.Empty(Rows("SELECT name FROM system.tables WHERE database = 'fsq_trunc' AND name LIKE '%staging%'"));
            Assert.True(Scalar("SELECT count() FROM fsq_trunc.fsq_trunc_west_app_logs") > 0);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void A_server_error_mid_load_carries_its_code_and_the_previous_load_stays()
    {
        Import("fsq_bad");
        var copy = fx.Dataset.Copy();
        try
        {
            // A number the server cannot parse, deep in the largest file: ClickHouse fails that INSERT mid-stream.
            var csv = DatasetLayout.CsvPath(copy, TableCatalog.ServiceMetrics);
            var lines = File.ReadAllLines(csv);
            var fields = lines[lines.Length / 2].Split(',');
            fields[3] = "not-a-number";
            lines[lines.Length / 2] = string.Join(',', fields);
            File.WriteAllLines(csv, lines);

            var e = Assert.Throws<ClickHouseQueryException>(() => Import("fsq_bad", copy));
            Assert.True(e.Code is 27 or 6 or 72, e.Message);
            Assert.Contains("service_metrics", e.Statement, StringComparison.Ordinal);
            Assert.Equal(fx.Dataset.Truth.Generation.RowCounts["service_metrics"], Scalar("SELECT count() FROM fsq_bad.service_metrics"));
            Assert.Equal(fx.Dataset.Truth.Generation.RowCounts["app_logs"], Scalar("SELECT count() FROM fsq_bad.app_logs"));
            Assert.Empty(Rows("SELECT name FROM system.tables WHERE database = 'fsq_bad' AND name LIKE '%staging%'"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Ctrl_C_during_the_load_drops_the_staging_tables_and_keeps_the_previous_load()
    {
        Import("fsq_cancel");
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress<ImportProgress>(p =>
        {
            if (p.Table is not null && p.BytesSent > 0)
            {
                cts.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => Import("fsq_cancel", progress: progress, cancel: cts.Token));
        Assert.Equal(fx.Dataset.Truth.Generation.RowCounts["app_logs"], Scalar("SELECT count() FROM fsq_cancel.app_logs"));
        Assert.True(Scalar("SELECT count() FROM fsq_cancel.fsq_cancel_central_app_logs") > 0);
        Assert.Empty(Rows("SELECT name FROM system.tables WHERE database = 'fsq_cancel' AND name LIKE '%staging%'"));
    }

    [Fact]
    public void A_server_killed_mid_load_keeps_the_previous_load_and_the_next_import_cleans_up()
    {
        Import("fsq_kill");
        var truth = fx.Dataset.Truth;
        var killed = 0;
        var progress = new SyncProgress<ImportProgress>(p =>
        {
            if (p.Table == "service_metrics" && p.BytesSent > 0 && Interlocked.Exchange(ref killed, 1) == 0)
            {
                fx.Server.Kill();
            }
        });
        try
        {
            var e = Assert.ThrowsAny<ClickHouseException>(() => Import("fsq_kill", progress: progress));
            Assert.True(e is ClickHouseUnreachableException, e.ToString());
            Assert.Equal(1, killed);
        }
        finally
        {
            fx.Server.Start();
        }

        // The previous load and its views answer after the restart; the staging leftovers are there.
        foreach (var table in TableCatalog.All)
        {
            Assert.Equal(truth.Generation.RowCounts[table.Name], Scalar($"SELECT count() FROM fsq_kill.{table.Name}"));
        }

        Assert.True(Scalar("SELECT count() FROM fsq_kill.fsq_kill_central_app_logs_20251204") > 0);
        Assert.NotEmpty(Rows("SELECT name FROM system.tables WHERE database = 'fsq_kill' AND name LIKE '%staging%'"));

        var steps = new List<ImportProgress>();
        var again = Import("fsq_kill", progress: new SyncProgress<ImportProgress>(steps.Add));
        Assert.True(again.Validation.Passed);
        Assert.Contains(steps, s => s.Message.Contains("left by an interrupted import", StringComparison.Ordinal));
        Assert.Empty(Rows("SELECT name FROM system.tables WHERE database = 'fsq_kill' AND name LIKE '%staging%'"));
    }

    [Fact]
    public void An_interrupted_view_swap_leaves_queryable_views_and_the_next_import_puts_everything_back()
    {
        Import("fsq_viewswap");
        const string day = "fsq_viewswap.fsq_viewswap_central_app_logs_20251204";
        var rows = Scalar($"SELECT count() FROM {day}");
        Assert.True(rows > 0);
        using (var c = fx.Connect())
        {
            // What a kill between the steps of an 18.16 view swap can leave: a view under its previous name
            // (the live name gone) and a half-built side view.
            c.Exec($"RENAME TABLE {day} TO {day}{ClickHouseSql.PreviousSuffix}");
            c.Exec($"CREATE VIEW fsq_viewswap.fsq_viewswap_east_app_logs{ClickHouseSql.NextViewSuffix} AS SELECT 1 AS x");
        }

        var steps = new List<ImportProgress>();
        var again = Import("fsq_viewswap", progress: new SyncProgress<ImportProgress>(steps.Add));
        Assert.True(again.Validation.Passed, string.Join("\n", again.Validation.FailedChecks));
        Assert.Contains(steps, s => s.Message.Contains("interrupted view swap", StringComparison.Ordinal));
        Assert.Equal(rows, Scalar($"SELECT count() FROM {day}"));
        Assert.True(Scalar("SELECT count() FROM fsq_viewswap.fsq_viewswap_east_app_logs") > 0);
        Assert.Empty(Rows("SELECT name FROM system.tables WHERE database = 'fsq_viewswap' AND name LIKE '%\\_\\_fibersqs\\_%'"));
    }

    [Fact]
    public void A_table_under_one_of_our_names_that_an_import_did_not_create_is_never_replaced()
    {
        using (var c = fx.Connect())
        {
            c.Exec("CREATE DATABASE IF NOT EXISTS fsq_foreign");
            c.Exec("CREATE TABLE IF NOT EXISTS fsq_foreign.tso_calls (call_id String, note String) ENGINE = MergeTree ORDER BY call_id");
            c.Exec("INSERT INTO fsq_foreign.tso_calls VALUES ('mine', 'keep me')");
        }

        var e = Assert.Throws<ClickHouseObjectConflictException>(() => Import("fsq_foreign"));
        Assert.Equal("fsq_foreign.tso_calls", e.ObjectName);
        Assert.Contains("lacks the dataset's column(s)", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, Scalar("SELECT count() FROM fsq_foreign.tso_calls WHERE note = 'keep me'"));
        Assert.Equal(["tso_calls"], Rows("SELECT name FROM system.tables WHERE database = 'fsq_foreign'").Select(r => r[0]));
    }

    [Fact]
    public void A_Tier_1_dataset_over_a_Tier_2_load_drops_the_stale_Tier_2_tables()
    {
        Import("fsq_tiers");
        Assert.Equal(fx.Dataset.Truth.Generation.RowCounts["txn_facts"], Scalar("SELECT count() FROM fsq_tiers.txn_facts"));
        using var tier1 = new SmallDataset(new FiberSqs.Core.Generation.DatasetOptions { Seed = 3, AppLogRows = 20_000 });
        var result = Import("fsq_tiers", tier1.Root);
        Assert.Equal(5, result.Tables.Count);
        Assert.Empty(Rows("SELECT name FROM system.tables WHERE database = 'fsq_tiers' AND name IN ('service_metrics', 'network_events', 'txn_facts')"));
        Assert.Equal(tier1.Truth.Generation.RowCounts["app_logs"], Scalar("SELECT count() FROM fsq_tiers.app_logs"));
        Assert.True(result.Validation.Passed, string.Join("\n", result.Validation.FailedChecks));
        Assert.False(result.Validation.Check("postload_tier2_row_counts")!.Applicable);
    }

    [Fact]
    public async Task The_post_load_validator_runs_from_a_url_and_says_when_nothing_was_imported()
    {
        Import("fsq_api");
        var report = await PostLoadValidator.RunAsync(fx.Server.Url + "/?ignored=1", null, "fsq_api", fx.Dataset.Truth);
        Assert.True(report.Passed, string.Join("\n", report.FailedChecks));
        Assert.Equal(10, report.Checks.Count);
        Assert.StartsWith(fx.Server.Url, report.Path, StringComparison.Ordinal);

        // Without a ground truth the comparisons that need one do not apply; the figures are still there.
        var noTruth = await PostLoadValidator.RunAsync(fx.Server.Url, null, "fsq_api", null);
        Assert.False(noTruth.Check("postload_tso_confusion_matrix")!.Applicable);
        Assert.Equal(fx.Dataset.Truth.TsoNoise.NoiseCounts["fabricated"], noTruth.Check("postload_tso_confusion_matrix")!.Figure("fp_nonexistent_txn_id"));

        var empty = await PostLoadValidator.RunAsync(fx.Server.Url, null, "fsq_never_imported", fx.Dataset.Truth);
        Assert.False(empty.Passed);
        Assert.False(empty.Check("postload_tables_present")!.Passed);
    }
}
