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
    private ImportResult Import(string database, string? path = null, IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        using var connection = fx.Connect();
        return ClickHouseImporter.RunAsync(connection, ImportDataset.Open(path ?? fx.Dataset.Root), new ImportOptions { Database = database },
            progress, cancel).GetAwaiter().GetResult();
    }

    private long Scalar(string sql)
    {
        using var connection = fx.Connect();
        return TabSeparated.ParseInt64(connection.QueryAsync(sql).GetAwaiter().GetResult()[0][0]);
    }

    private List<string[]> Rows(string sql)
    {
        using var connection = fx.Connect();
        return [.. connection.QueryAsync(sql).GetAwaiter().GetResult()];
    }

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

        // 5 compatibility + 5 region + 5 per generated day (the full window: 7).
        Assert.Equal(5 + 5 + (5 * 7), result.Views.Count);
        Assert.Equal(40, Rows("SHOW TABLES FROM fsq_full LIKE 'fsq_full_%_app_logs%'").Count);
        Assert.True(Scalar("SELECT count() FROM fsq_full.fsq_full_central_app_logs_20251204") > 0);
        Assert.Equal(truth.Generation.RowCounts["app_logs"], Scalar("SELECT count() FROM default.fibersqs_app_logs"));
        Assert.Equal(truth.Generation.RowCounts["tso_calls"], Scalar("SELECT count() FROM default.tso_calls"));

        // Typed columns through the views (DEFAULT columns, listed explicitly).
        Assert.Equal(truth.Generation.RowCounts["app_logs"],
            Scalar("SELECT count() FROM default.fibersqs_app_logs WHERE toYYYYMMDD(ts) BETWEEN 20251201 AND 20251207"));
        Assert.True(Scalar("SELECT count() FROM fsq_full.fsq_full_east_app_logs WHERE end_to_end_latency_ms_f64 > 0") > 0);
        Assert.Equal(0, Scalar("SELECT count() FROM fsq_full.app_logs WHERE toString(ts) != replaceRegexpOne(replaceOne(substring(timestamp, 1, 19), 'T', ' '), 'Z$', '')"));

        Assert.True(result.Validation.Passed, string.Join("\n", result.Validation.FailedChecks));
        var matrix = result.Validation.Check("postload_tso_confusion_matrix")!;
        Assert.Equal(truth.TsoNoise.NoiseCounts["fabricated"], matrix.Figure("fp_nonexistent_txn_id"));
        Assert.Equal(truth.TsoNoise.NoiseCounts["clean"], matrix.Figure("tp"));

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

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
