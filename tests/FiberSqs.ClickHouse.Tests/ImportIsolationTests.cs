using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.Files;
using FiberSqs.Core.Tables;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>What an import may touch, on a real 18.16 server: only its own database's objects (and the compatibility
/// views when they are its), never a user's view, never more views than the data's days, never a file through a
/// planted link.</summary>
[Collection(ServerTests.Name)]
public sealed class ImportIsolationTests(ServerFixture fx)
{
    private ImportResult Import(string database, string? path = null, bool? compatibilityViews = null, IProgress<ImportProgress>? progress = null,
        CancellationToken cancel = default) =>
        fx.Import(new ImportOptions { Database = database, CompatibilityViews = compatibilityViews }, path, progress, cancel);

    private long Scalar(string sql) => fx.Scalar(sql);

    private void Exec(string sql) => fx.Exec(sql);

    private static long CentralRows(string datasetRoot) =>
        File.ReadLines(DatasetLayout.CsvPath(datasetRoot, TableCatalog.AppLogs)).Skip(1).Count(l => l.Split(',')[1] == "central");

    [Fact]
    public void An_import_into_another_database_never_changes_what_the_default_databases_tables_and_views_return()
    {
        var a = fx.Dataset;
        using var b = new SmallDataset(new Core.Generation.DatasetOptions { Seed = 3, AppLogRows = 20_000 });
        var rowsA = a.Truth.Generation.RowCounts;
        Import(ImportOptions.DefaultDatabase);
        var other = Import("fsq_other", b.Root);
        Assert.Null(other.CompatibilityDatabase);

        Assert.Equal(rowsA["app_logs"], Scalar("SELECT count() FROM fibersqs_prod.app_logs"));
        Assert.Equal(rowsA["app_logs"], Scalar("SELECT count() FROM default.fibersqs_app_logs"));
        Assert.Equal(rowsA["tso_calls"], Scalar("SELECT count() FROM default.tso_calls"));
        Assert.Equal(CentralRows(a.Root), Scalar("SELECT count() FROM fibersqs_prod.fibersqs_prod_central_app_logs"));
        Assert.Equal(CentralRows(b.Root), Scalar("SELECT count() FROM fsq_other.fsq_other_central_app_logs"));
        Assert.Equal(b.Truth.Generation.RowCounts["app_logs"], Scalar("SELECT sum(c) FROM (SELECT count() AS c FROM fsq_other.fsq_other_central_app_logs " +
            "UNION ALL SELECT count() FROM fsq_other.fsq_other_east_app_logs UNION ALL SELECT count() FROM fsq_other.fsq_other_west_app_logs " +
            "UNION ALL SELECT count() FROM fsq_other.fsq_other_north_app_logs UNION ALL SELECT count() FROM fsq_other.fsq_other_south_app_logs)"));
        Assert.True(other.Validation.Passed, string.Join("\n", other.Validation.FailedChecks));

        // Asked for, the compatibility views follow the other database; the default's next import takes them back.
        Assert.Equal("default", Import("fsq_other", b.Root, compatibilityViews: true).CompatibilityDatabase);
        Assert.Equal(b.Truth.Generation.RowCounts["app_logs"], Scalar("SELECT count() FROM default.fibersqs_app_logs"));
        Assert.Equal(rowsA["app_logs"], Scalar("SELECT count() FROM fibersqs_prod.app_logs"));
        Assert.True(Import(ImportOptions.DefaultDatabase).Validation.Passed);
        Assert.Equal(rowsA["app_logs"], Scalar("SELECT count() FROM default.fibersqs_app_logs"));
    }

    [Fact]
    public void A_users_own_view_under_one_of_the_import_names_is_refused_like_a_table_and_left_as_it_was()
    {
        Exec("CREATE DATABASE IF NOT EXISTS fsq_userview");
        Exec("CREATE VIEW IF NOT EXISTS fsq_userview.fsq_userview_east_app_logs AS SELECT 1 AS mine");
        var e = Assert.Throws<ClickHouseObjectConflictException>(() => Import("fsq_userview"));
        Assert.Equal("fsq_userview.fsq_userview_east_app_logs", e.ObjectName);
        Assert.Contains("a view that no FiberSqs import created", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, Scalar("SELECT mine FROM fsq_userview.fsq_userview_east_app_logs"));
        Assert.Equal(0, Scalar("SELECT count() FROM system.tables WHERE database = 'fsq_userview' AND name = 'app_logs'"));

        // A compatibility view of the user's own, where the default database's import puts one.
        Exec("DROP TABLE fsq_userview.fsq_userview_east_app_logs");
        Exec("DROP TABLE IF EXISTS default.trace_spans");
        Exec("CREATE VIEW default.trace_spans AS SELECT 'mine' AS whose");
        try
        {
            var compat = Assert.Throws<ClickHouseObjectConflictException>(() => Import(ImportOptions.DefaultDatabase));
            Assert.Equal("default.trace_spans", compat.ObjectName);
            Assert.Equal(1, Scalar("SELECT count() FROM default.trace_spans WHERE whose = 'mine'"));
        }
        finally
        {
            Exec("DROP TABLE default.trace_spans");
        }

        // A user's view that only looks like a stale per-day view is not dropped either.
        Exec("CREATE VIEW IF NOT EXISTS fsq_userview.fsq_userview_east_app_logs_20251230 AS SELECT 1 AS mine");
        Assert.True(Import("fsq_userview").Validation.Passed);
        Assert.Equal(1, Scalar("SELECT mine FROM fsq_userview.fsq_userview_east_app_logs_20251230"));
    }

    [Fact]
    public void A_view_an_earlier_version_created_is_recognised_and_replaced()
    {
        Import("fsq_legacyview");
        // As the earlier version wrote index-pattern views: through the compatibility view, no alias.
        Exec("DROP TABLE fsq_legacyview.fsq_legacyview_east_app_logs");
        var columns = new ClickHouseSql(ClickHouseDialect.Legacy, "fsq_legacyview", null).ViewColumns(TableCatalog.AppLogs);
        Exec($"CREATE VIEW fsq_legacyview.fsq_legacyview_east_app_logs AS SELECT {columns} FROM default.fibersqs_app_logs WHERE region = 'east'");
        Assert.True(Import("fsq_legacyview").Validation.Passed);
        using var c = fx.Connect();
        var definition = c.Rows("SELECT create_table_query FROM system.tables WHERE database = 'fsq_legacyview' AND name = 'fsq_legacyview_east_app_logs'")[0][0];
        Assert.Contains("fsq_legacyview.app_logs AS " + ClickHouseSql.ViewAlias, definition, StringComparison.Ordinal);
    }

    [Fact]
    public void The_views_follow_the_days_the_data_has_inside_the_window_never_a_claimed_range()
    {
        var copy = fx.Dataset.Copy();
        try
        {
            // A claimed range of 1000 years, and 1000 rows on 1000 distinct days long before the window.
            var truthPath = DatasetLayout.GroundTruthPath(copy);
            var truth = JsonNode.Parse(File.ReadAllText(truthPath))!;
            truth["time_range"]!["start"] = "1500-01-01T00:00:00Z";
            truth["time_range"]!["end"] = "2500-01-01T00:00:00Z";
            File.WriteAllText(truthPath, truth.ToJsonString());
            var csv = DatasetLayout.CsvPath(copy, TableCatalog.AppLogs);
            var lines = File.ReadAllLines(csv);
            for (var i = 1; i <= 1000; i++)
            {
                var comma = lines[i].IndexOf(',', StringComparison.Ordinal);
                lines[i] = new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture) + lines[i][comma..];
            }

            File.WriteAllText(csv, string.Join('\n', lines) + "\n");
            var dataset = ImportDataset.Open(copy);
            Assert.Equal(7, dataset.WindowDays().Count);

            var result = Import("fsq_crafted", copy);
            Assert.Equal(5 + (5 * 7), result.Views.Count);
            Assert.Equal(40, Scalar("SELECT count() FROM system.tables WHERE database = 'fsq_crafted' AND engine = 'View'"));
            Assert.False(result.Validation.Check("postload_time_range")!.Passed);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void Ctrl_C_while_the_views_are_created_stops_there_leaves_the_new_load_queryable_and_releases_the_lock()
    {
        Import("fsq_viewstop");
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress<ImportProgress>(p =>
        {
            if (p.Stage == "Views")
            {
                cts.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => Import("fsq_viewstop", progress: progress, cancel: cts.Token));
        Assert.Equal(fx.Dataset.Truth.Generation.RowCounts["app_logs"], Scalar("SELECT count() FROM fsq_viewstop.app_logs"));
        Assert.True(Scalar("SELECT count() FROM fsq_viewstop.fsq_viewstop_central_app_logs_20251204") > 0);
        Assert.Equal(0, Scalar($"SELECT count() FROM system.tables WHERE database = 'fsq_viewstop' AND name = '{ImportLock.TableName}'"));
        Assert.True(Import("fsq_viewstop").Validation.Passed);
    }

    [Fact]
    public void A_report_that_cannot_be_written_is_said_in_the_result_which_is_still_returned()
    {
        var copy = fx.Dataset.Copy();
        File.Delete(Path.Combine(copy, DatasetLayout.PostLoadValidationFile));
        // As root a mode bit does not stop a write; the immutable flag does.
        var root = Environment.UserName == "root";
        Run(root ? "chattr" : "chmod", root ? "+i" : "555", copy);
        try
        {
            var result = Import("fsq_unwritable", copy);
            Assert.True(result.Validation.Passed, string.Join("\n", result.Validation.FailedChecks));
            Assert.Null(result.ReportPath);
            Assert.False(string.IsNullOrEmpty(result.ReportProblem));
            Assert.Equal(fx.Dataset.Truth.Generation.RowCounts["app_logs"], Scalar("SELECT count() FROM fsq_unwritable.app_logs"));
        }
        finally
        {
            Run(root ? "chattr" : "chmod", root ? "-i" : "755", copy);
            Directory.Delete(copy, recursive: true);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, arguments) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public void The_report_is_written_through_a_new_file_never_through_a_link_planted_under_its_name()
    {
        var copy = fx.Dataset.Copy();
        var outside = Path.Combine(Path.GetTempPath(), "fibersqs-outside-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            File.WriteAllText(outside, "precious");
            File.Delete(Path.Combine(copy, DatasetLayout.PostLoadValidationFile));
            File.CreateSymbolicLink(Path.Combine(copy, DatasetLayout.PostLoadValidationFile), outside);
            var result = Import("fsq_symlink", copy);
            Assert.Equal("precious", File.ReadAllText(outside));
            var report = new FileInfo(result.ReportPath!);
            Assert.Null(report.LinkTarget);
            using var json = JsonDocument.Parse(File.ReadAllText(report.FullName));
            Assert.Equal("fsq_symlink", json.RootElement.GetProperty("database").GetString());
            Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(copy), e => Path.GetFileName(e).Contains(AtomicFile.TempMarker, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
            File.Delete(outside);
        }
    }
}
