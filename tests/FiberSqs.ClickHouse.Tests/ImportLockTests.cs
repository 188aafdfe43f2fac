using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.Tables;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>Imports into one database against each other, on a real 18.16 server: the import lock, a killed import's
/// lock and its INSERTs that run on.</summary>
[Collection(ServerTests.Name)]
public sealed class ImportLockTests(ServerFixture fx)
{
    private const string Lock = ImportLock.TableName;

    private ImportResult Import(string database, IProgress<ImportProgress>? progress = null, TimeSpan? leftoverWait = null) =>
        fx.Import(new ImportOptions { Database = database, LeftoverWait = leftoverWait ?? TimeSpan.FromSeconds(30) }, progress: progress);

    private long Scalar(string sql) => fx.Scalar(sql);

    private void Exec(string sql) => fx.Exec(sql);

    [Fact]
    public void Two_imports_started_in_the_same_instant_one_loads_and_the_other_is_refused_as_in_progress()
    {
        Exec("DROP DATABASE IF EXISTS fsq_race");
        using var start = new Barrier(2);
        var outcomes = new Exception?[2];
        var results = new ImportResult?[2];
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                results[i] = Import("fsq_race");
            }
            catch (Exception e)
            {
                outcomes[i] = e;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Single(results, r => r is not null);
        var refused = Assert.Single(outcomes, e => e is not null);
        var inProgress = Assert.IsType<ClickHouseImportInProgressException>(refused);
        Assert.Equal("fsq_race", inProgress.Database);
        Assert.Contains("Another import is loading into database 'fsq_race'", inProgress.Message, StringComparison.Ordinal);
        var loaded = results.Single(r => r is not null)!;
        Assert.True(loaded.Validation.Passed, string.Join("\n", loaded.Validation.FailedChecks));
        Assert.Equal(fx.Dataset.Truth.Generation.RowCounts["app_logs"], Scalar("SELECT count() FROM fsq_race.app_logs"));
        // Released, and nothing of either import is left over.
        Assert.Equal(0, Scalar("SELECT count() FROM system.tables WHERE database = 'fsq_race' AND name LIKE '%\\_\\_fibersqs\\_%'"));
    }

    [Fact]
    public void The_lock_of_a_process_of_this_machine_that_is_gone_is_taken_over_at_once()
    {
        Exec("CREATE DATABASE IF NOT EXISTS fsq_deadlock");
        Exec($"DROP TABLE IF EXISTS fsq_deadlock.{Lock}");
        using (var gone = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!)
        {
            gone.WaitForExit();
            var owner = $"token=0123456789abcdef;host={Environment.MachineName};pid={gone.Id};started=2025-12-01T00:00:00Z";
            Exec($"CREATE TABLE fsq_deadlock.{Lock} (beat DateTime DEFAULT now(), token String, owner String DEFAULT '{owner}') ENGINE = Log");
            Exec($"INSERT INTO fsq_deadlock.{Lock} (token) VALUES ('0123456789abcdef')");
        }

        var steps = new List<ImportProgress>();
        var clock = Stopwatch.StartNew();
        var result = Import("fsq_deadlock", new SyncProgress<ImportProgress>(steps.Add));
        Assert.True(result.Validation.Passed, string.Join("\n", result.Validation.FailedChecks));
        Assert.Contains(steps, s => s.Message.Contains("Taking over the import lock of fsq_deadlock", StringComparison.Ordinal) &&
                                    s.Message.Contains("is gone", StringComparison.Ordinal));
        Assert.Equal(0, Scalar($"SELECT count() FROM system.tables WHERE database = 'fsq_deadlock' AND name LIKE '{Lock}%'"));
    }

    [Fact]
    public async Task A_lock_whose_heartbeat_stopped_long_ago_is_taken_over_and_a_live_one_is_not()
    {
        Exec("CREATE DATABASE IF NOT EXISTS fsq_stale");
        Exec($"DROP TABLE IF EXISTS fsq_stale.{Lock}");
        const string owner = "token=fedcba9876543210;host=another-machine;pid=4242;started=2025-12-01T00:00:00Z";
        Exec($"CREATE TABLE fsq_stale.{Lock} (beat DateTime DEFAULT now(), token String, owner String DEFAULT '{owner}') ENGINE = Log");
        Exec($"INSERT INTO fsq_stale.{Lock} (beat, token) VALUES (now() - 120, 'fedcba9876543210')");
        var steps = new List<ImportProgress>();
        Assert.True(Import("fsq_stale", new SyncProgress<ImportProgress>(steps.Add)).Validation.Passed);
        Assert.Contains(steps, s => s.Message.Contains("heartbeat stopped", StringComparison.Ordinal));

        // A holder on another machine that keeps beating is alive: the import gives up and changes nothing.
        Exec($"CREATE TABLE fsq_stale.{Lock} (beat DateTime DEFAULT now(), token String, owner String DEFAULT '{owner}') ENGINE = Log");
        using var beating = new CancellationTokenSource();
        var beats = Task.Run(async () =>
        {
            using var c = fx.Connect();
            while (!beating.IsCancellationRequested)
            {
                await c.ExecuteAsync($"INSERT INTO fsq_stale.{Lock} (token) VALUES ('fedcba9876543210')");
                await Task.Delay(500);
            }
        });
        try
        {
            var before = Scalar("SELECT count() FROM fsq_stale.app_logs");
            var e = Assert.Throws<ClickHouseImportInProgressException>(() => Import("fsq_stale"));
            Assert.Contains("process 4242 on another-machine", e.Message, StringComparison.Ordinal);
            Assert.Equal(before, Scalar("SELECT count() FROM fsq_stale.app_logs"));
            Assert.Equal(0, Scalar("SELECT count() FROM system.tables WHERE database = 'fsq_stale' AND name LIKE '%staging'"));
        }
        finally
        {
            await beating.CancelAsync();
            await beats;
            Exec($"DROP TABLE IF EXISTS fsq_stale.{Lock}");
        }
    }

    [Fact]
    public async Task An_interrupted_imports_INSERT_that_makes_no_progress_is_killed_and_the_import_goes_ahead()
    {
        Exec("CREATE DATABASE IF NOT EXISTS fsq_orphan");
        var leftover = $"app_logs__0123456789abcdef{ClickHouseSql.StagingSuffix}";
        Exec($"CREATE TABLE IF NOT EXISTS fsq_orphan.{leftover} (x UInt8) ENGINE = Null");
        // Stands in for a killed import's INSERT: one row every 2 s, so its figures stand still between two looks; it
        // ends by itself after 40 s, so a kill that does not take cannot hang the run. Sent from a thread of its own.
        var ended = new TaskCompletionSource<string>();
        var other = new Thread(() =>
        {
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri(fx.Server.Url), Timeout = TimeSpan.FromMinutes(2) };
                using var request = new HttpRequestMessage(HttpMethod.Post, "/?max_block_size=1")
                {
                    Content = new StringContent($"INSERT INTO fsq_orphan.{leftover} SELECT sleepEachRow(2) FROM system.numbers LIMIT 20"),
                };
                using var response = http.Send(request);
                ended.SetResult(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
            {
                ended.SetResult(ex.GetType().Name);
            }
        }) { IsBackground = true };
        other.Start();
        WaitFor(() => Scalar("SELECT count() FROM system.processes WHERE query LIKE 'INSERT INTO fsq\\_orphan.%'") > 0, "the stand-in INSERT to show");

        var steps = new List<ImportProgress>();
        var result = Import("fsq_orphan", new SyncProgress<ImportProgress>(steps.Add));
        Assert.True(result.Validation.Passed, string.Join("\n", result.Validation.FailedChecks));
        Assert.Contains(steps, s => s.Message.Contains("INSERT(s) of an interrupted import still run", StringComparison.Ordinal));
        // Killed (its reply is an error), not waited out; its table dropped.
        Assert.NotEqual("200", await ended.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, Scalar($"SELECT count() FROM system.tables WHERE database = 'fsq_orphan' AND name = '{leftover}'"));
        Assert.Equal(fx.Dataset.Truth.Generation.RowCounts["app_logs"], Scalar("SELECT count() FROM fsq_orphan.app_logs"));
    }

    [Fact]
    public void An_INSERT_waiting_for_a_body_that_never_comes_is_left_alone_and_the_import_loads_into_its_own_tables()
    {
        Exec("CREATE DATABASE IF NOT EXISTS fsq_stalled");
        var leftover = TableCatalog.TsoCalls.Name + ClickHouseSql.StagingSuffix; // an earlier version's staging name
        Exec($"CREATE TABLE IF NOT EXISTS fsq_stalled.{leftover} (x String) ENGINE = MergeTree ORDER BY x");
        // A client that vanished mid-upload without closing its connection: 18.16 cannot kill such an INSERT, and a DROP
        // of its table would wait for it.
        using var client = new TcpClient("127.0.0.1", fx.Server.HttpPort);
        var stream = client.GetStream();
        var query = Uri.EscapeDataString($"INSERT INTO fsq_stalled.{leftover} FORMAT CSV");
        stream.Write(Encoding.ASCII.GetBytes($"POST /?query={query} HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n"));
        var rows = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abc\n", 300_000)));
        stream.Write(rows);
        WaitFor(() => Scalar("SELECT count() FROM system.processes WHERE query LIKE 'INSERT INTO fsq\\_stalled.%'") > 0, "the stalled INSERT to show");

        var steps = new List<ImportProgress>();
        var result = Import("fsq_stalled", new SyncProgress<ImportProgress>(steps.Add), leftoverWait: TimeSpan.FromSeconds(2));
        Assert.True(result.Validation.Passed, string.Join("\n", result.Validation.FailedChecks));
        Assert.Contains(steps, s => s.Message.Contains("are left for a later import to drop", StringComparison.Ordinal));
        Assert.Equal(1, Scalar($"SELECT count() FROM system.tables WHERE database = 'fsq_stalled' AND name = '{leftover}'"));

        // Once the connection closes the INSERT ends, and the next import drops the table.
        client.Dispose();
        WaitFor(() => Scalar("SELECT count() FROM system.processes WHERE query LIKE 'INSERT INTO fsq\\_stalled.%'") == 0, "the stalled INSERT to end");
        Assert.True(Import("fsq_stalled").Validation.Passed);
        Assert.Equal(0, Scalar("SELECT count() FROM system.tables WHERE database = 'fsq_stalled' AND name LIKE '%staging'"));
    }

    private static void WaitFor(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"waited 30 s for {what}");
            Thread.Sleep(50);
        }
    }
}
