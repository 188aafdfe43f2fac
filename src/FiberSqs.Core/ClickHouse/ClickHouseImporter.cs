using System.Diagnostics;
using System.Globalization;
using FiberSqs.Core.ClickHouse.NativeLoad;
using FiberSqs.Core.Files;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// Loads a dataset folder into ClickHouse without ever losing the previous load: under the database's import lock
/// (<see cref="ImportLock"/>), every CSV streams into a new staging table of this import beside the live one
/// (tables in parallel), the staging row counts are checked against ground_truth.json, and only then one RENAME
/// TABLE swaps them in and the previous tables are dropped. A failure, a Ctrl+C or a killed server before the swap
/// leaves the previous tables and views as they were; the next import stops the INSERTs an interrupted one left
/// running and removes its staging tables. Then the views of docs/clickhouse.md are (re)created for the days the data has, the
/// post-load validation runs on the server and postload_validation.json is written.
/// </summary>
internal static class ClickHouseImporter
{
    private static readonly TimeSpan LeftoverPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>Plans the import of <paramref name="dataset"/> and runs it (callers that need no approval).</summary>
    public static async Task<ImportResult> RunAsync(ClickHouseConnection connection, ImportDataset dataset, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        progress?.Report(new ImportProgress("Planning", $"Reading the objects of {options.Database} on {connection.DisplayName} (ClickHouse {connection.Version}).", 0));
        var plan = await ImportPlan.CreateAsync(connection, dataset, options, AtomicFile.RandomToken(), cancel).ConfigureAwait(false);
        return await RunAsync(connection, plan, options, progress, cancel).ConfigureAwait(false);
    }

    /// <summary>Runs an approved plan (the one -WhatIf listed and -Confirm asked about). Under the database's lock the
    /// server's objects are read again: another import may have changed them since; what it does is what is there now,
    /// and a difference from the approved plan is said.</summary>
    public static async Task<ImportResult> RunAsync(ClickHouseConnection connection, ImportPlan approved, ImportOptions options,
        IProgress<ImportProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var dataset = approved.Dataset;
        void Step(string stage, string message, int percent) => progress?.Report(new ImportProgress(stage, message, percent));

        if (!approved.DatabaseExists)
        {
            Step("Preparing", $"Creating database {approved.Sql.Database}.", 1);
            await connection.ExecuteAsync(approved.Sql.CreateDatabase(), cancel).ConfigureAwait(false);
        }

        await using var held = await ImportLock.AcquireAsync(connection, approved.Sql.Database, approved.Token, m => Step("Preparing", m, 1), cancel)
            .ConfigureAwait(false);
        var plan = await approved.RereadAsync(connection, options, cancel).ConfigureAwait(false);
        if (approved.FirstDifference(plan) is { } changed)
        {
            Step("Planning", $"{plan.Sql.Database} changed since the plan was made (another import?): {changed}. Going on with what is there now.", 1);
        }

        var sql = plan.Sql;
        Step("Planning", $"Dialect: {connection.Dialect}; " + (sql.CompatibilityDatabase is { } c
            ? $"compatibility views go to database '{c}'." : "no compatibility views (they follow the default database only; -CompatibilityViews writes them)."), 1);

        var busy = await StopLeftoverInsertsAsync(connection, plan, options.LeftoverWait, m => Step("Preparing", m, 1), cancel).ConfigureAwait(false);
        await CleanLeftoversAsync(connection, plan, busy, m => Step("Preparing", m, 1), cancel).ConfigureAwait(false);

        var compress = options.Compression == UploadCompression.Gzip ||
                       (options.Compression == UploadCompression.Auto && !connection.Endpoint.IsLoopback);
        List<TableLoadResult> loads;
        IReadOnlyList<int> days;
        var loadClock = Stopwatch.StartNew();
        try
        {
            foreach (var file in plan.Files)
            {
                var staging = plan.StagingName(file.Table);
                Step("Preparing", $"Creating staging table {sql.Qualified(staging)}.", 2);
                await connection.ExecuteAsync(sql.CreateTable(file.Table, staging), cancel).ConfigureAwait(false);
            }

            var numbers = plan.Format == LoadFormat.Native ? await ProbeNumbersAsync(connection, plan, m => Step("Preparing", m, 2), cancel).ConfigureAwait(false) : null;
            loads = await LoadAllAsync(connection, plan, compress, options, numbers, progress, cancel).ConfigureAwait(false);
            loadClock.Stop();
            Step("Checking", "Checking the staging row counts against ground_truth.json.", 92);
            loads = await CheckCountsAsync(connection, plan, loads, cancel).ConfigureAwait(false);
            // The per-day views follow the days the data has inside the window, never a range a file claims.
            days = [.. (await connection.QueryAsync(sql.AppLogDays(plan.StagingName(TableCatalog.AppLogs)), cancel).ConfigureAwait(false))
                .Select(r => int.Parse(r[0], CultureInfo.InvariantCulture))];
            cancel.ThrowIfCancellationRequested();
            await held.VerifyAsync(cancel).ConfigureAwait(false);
        }
        catch
        {
            Step("Cleaning up", "The load did not finish: dropping its staging tables; the previous load stays as it was.", 0);
            await DropStagingQuietlyAsync(connection, plan).ConfigureAwait(false);
            throw;
        }

        Step("Swapping", "Swapping the loaded tables in with one RENAME TABLE.", 94);
        await SwapAsync(connection, plan, cancel).ConfigureAwait(false);
        // The new load is live. Dropping what it replaced must not stop half-way; the views may (Ctrl+C): every view
        // reads the tables by name, so one left as it was still answers, from the new load.
        var finish = CancellationToken.None;
        foreach (var table in TableCatalog.All)
        {
            if (plan.HasPreviousLoad(table))
            {
                await connection.ExecuteAsync(sql.DropTable(ClickHouseSql.PreviousName(table)), finish).ConfigureAwait(false);
            }

            if (plan.Files.All(f => f.Table != table) && plan.HasPreviousLoad(table))
            {
                Step("Swapping", $"Dropping {sql.Qualified(table.Name)}: this dataset has no such table.", 95);
                await connection.ExecuteAsync(sql.DropTable(table.Name), finish).ConfigureAwait(false);
            }
        }

        var views = sql.Views(days);
        Step("Views", $"Creating {views.Count} views ({days.Count} days of data in the window).", 96);
        foreach (var view in views)
        {
            cancel.ThrowIfCancellationRequested();
            foreach (var statement in sql.CreateOrReplaceView(view, plan.HasView(view)))
            {
                await connection.ExecuteAsync(statement, finish).ConfigureAwait(false);
            }
        }

        foreach (var stale in plan.StaleIndexViews(views.Select(v => v.FullName).ToHashSet()))
        {
            cancel.ThrowIfCancellationRequested();
            Step("Views", $"Dropping {stale}: its day is not in this dataset.", 97);
            var dot = stale.IndexOf('.', StringComparison.Ordinal);
            await connection.ExecuteAsync(sql.DropView(stale[..dot], stale[(dot + 1)..]), finish).ConfigureAwait(false);
        }

        Step("Validating", "Running the post-load validation on the server.", 98);
        var validation = await PostLoadValidator.RunAsync(connection, sql.Database, dataset.GroundTruth, cancel).ConfigureAwait(false);
        var result = new ImportResult
        {
            Url = connection.DisplayName,
            ServerVersion = connection.Version.Text,
            Database = sql.Database,
            CompatibilityDatabase = sql.CompatibilityDatabase,
            DatasetPath = dataset.Root,
            Tables = loads,
            Views = [.. views.Select(v => v.FullName)],
            Validation = validation,
            Compressed = compress,
            LoadElapsed = loadClock.Elapsed,
            Elapsed = clock.Elapsed,
        };
        return WriteReport(result, options, Step);
    }

    /// <summary>How the server reads numbers, for a Native load to compute the same values; null (load as CSV) when
    /// it reads them in a way the client cannot reproduce.</summary>
    private static async Task<ServerNumberParsing?> ProbeNumbersAsync(ClickHouseConnection connection, ImportPlan plan, Action<string> step,
        CancellationToken cancel)
    {
        var numbers = await NumberParsingProbe.RunAsync(connection, plan.Sql, plan.ProbeName, cancel).ConfigureAwait(false);
        step(numbers is { } n
            ? $"Native load: the server reads numbers with {n}; the client computes every value as it would."
            : "The server reads numbers in a way the client cannot reproduce exactly: loading every file as CSV.");
        return numbers;
    }

    /// <summary>Writes postload_validation.json when asked; the result says where, or why it could not be written (the
    /// load is live by now: a failed write is reported with the result, never instead of it). The cmdlet finds out
    /// before the load whether the folder can be written (AtomicFile.WhyNotWritable) and then does not ask.</summary>
    private static ImportResult WriteReport(ImportResult result, ImportOptions options, Action<string, string, int> step)
    {
        if (!options.WriteReport)
        {
            return result;
        }

        var path = Path.Combine(result.DatasetPath, DatasetLayout.PostLoadValidationFile);
        try
        {
            PostLoadReport.Save(path, result);
            step("Validating", $"Wrote {path}.", 100);
            result.ReportPath = path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result.ReportProblem = e.Message;
        }

        return result;
    }

    /// <summary>Waits for INSERTs into this database's staging tables that run on the server though no import holds the
    /// lock (a killed client's: the server finishes what it had received), and stops each that makes no progress.
    /// Returns the staging tables whose INSERT still runs after <paramref name="wait"/> (18.16 cannot stop an INSERT that
    /// waits for its body): they are left alone, since dropping them would wait on that INSERT.</summary>
    private static async Task<HashSet<string>> StopLeftoverInsertsAsync(ClickHouseConnection connection, ImportPlan plan, TimeSpan wait,
        Action<string> step, CancellationToken cancel)
    {
        var sql = plan.Sql;
        var clock = Stopwatch.StartNew();
        Dictionary<string, string[]>? before = null;
        var stopped = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var running = (await connection.QueryAsync(sql.RunningStagingInserts(), cancel).ConfigureAwait(false)).ToDictionary(r => r[0], r => r);
            if (running.Count == 0)
            {
                return [];
            }

            if (before is null)
            {
                step($"{running.Count} INSERT(s) of an interrupted import still run in {sql.Database}: waiting for them to end, and stopping each that makes no progress.");
            }

            foreach (var (id, row) in running)
            {
                if (before is not null && before.TryGetValue(id, out var earlier) && earlier[1] == row[1] && stopped.Add(id))
                {
                    try
                    {
                        await connection.ExecuteAsync(ClickHouseSql.KillQuery(id), cancel).ConfigureAwait(false);
                    }
                    catch (ClickHouseQueryException)
                    {
                        // 18.16 refuses to stop an INSERT that waits for its body (code 380): it ends when its client's connection does
                    }
                }
            }

            if (clock.Elapsed >= wait)
            {
                var busy = running.Values.Select(r => sql.InsertTarget(r[2])).OfType<string>().ToHashSet(StringComparer.Ordinal);
                step($"{running.Count} INSERT(s) of an interrupted import still run after {wait.TotalSeconds:0} s; their staging tables " +
                     $"({string.Join(", ", busy)}) are left for a later import to drop. This import loads into tables of its own.");
                return busy;
            }

            before = running;
            await Task.Delay(LeftoverPoll, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>Drops staging tables interrupted imports left (but not those an INSERT still writes into); puts a previous
    /// table back when an interrupted swap left it aside.</summary>
    private static async Task CleanLeftoversAsync(ClickHouseConnection session, ImportPlan plan, HashSet<string> busy, Action<string> step,
        CancellationToken cancel)
    {
        var sql = plan.Sql;
        foreach (var staging in plan.LeftoverStaging.Where(s => !busy.Contains(s)))
        {
            step($"Dropping {sql.Qualified(staging)}, left by an interrupted import.");
            await session.ExecuteAsync(sql.DropTable(staging), cancel).ConfigureAwait(false);
        }

        foreach (var table in TableCatalog.All.Where(plan.IsSetAside))
        {
            var previous = ClickHouseSql.PreviousName(table);
            step($"Renaming {sql.Qualified(previous)} back to {table.Name}: an interrupted swap left it aside.");
            await session.ExecuteAsync(sql.Rename([(previous, table.Name)]), cancel).ConfigureAwait(false);
        }

        // Old servers swap views by RENAME (see ClickHouseSql.CreateOrReplaceView): put back a view a kill left aside.
        foreach (var view in plan.Views)
        {
            if (plan.IsSetAside(view))
            {
                step($"Renaming {view.Database}.{ClickHouseSql.PreviousName(view)} back to {view.Name}: an interrupted view swap left it aside.");
                await session.ExecuteAsync(ClickHouseSql.RestoreView(view), cancel).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Loads every file into its staging table, big files as several concurrent INSERTs (at most
    /// <c>parallel</c> at once over all files, biggest files first). A Native file whose data the client cannot
    /// reproduce exactly is loaded again, as CSV, into a fresh staging table.</summary>
    private static async Task<List<TableLoadResult>> LoadAllAsync(ClickHouseConnection connection, ImportPlan plan, bool compress,
        ImportOptions options, ServerNumberParsing? parsing, IProgress<ImportProgress>? progress, CancellationToken cancel)
    {
        var maxParallel = options.MaxParallelLoads;
        var parallel = Math.Clamp(maxParallel ?? Environment.ProcessorCount, 1, 4);
        if (maxParallel is null)
        {
            parallel = Math.Max(2, parallel);
        }

        var sql = plan.Sql;
        var totals = new LoadTotals(plan.Files.Sum(f => f.Bytes));
        using var gate = new SemaphoreSlim(parallel);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancel);

        // One INSERT in one of the parallel slots; the first failure stops the others.
        async Task InsertAsync(Func<CancellationToken, Task> insert)
        {
            await gate.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                await insert(failed.Token).ConfigureAwait(false);
            }
            catch
            {
                await failed.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                gate.Release();
            }
        }

        int Streams(ImportFile file) =>
            parallel > 1 && options.SliceBytes > 0 ? (int)Math.Clamp(file.Bytes / options.SliceBytes, 1, parallel) : 1;

        async Task<TableLoadResult> LoadNativeAsync(ImportFile file, ServerNumberParsing numbers)
        {
            var layout = NativeTableLayout.For(file.Table, sql.Dialect);
            using var source = new NativeFileSource(file, layout, numbers, options.NativeBlockRows);
            var streams = Math.Min(Streams(file), source.ChunkCount);
            var tracker = new FileLoadTracker(file, streams, totals, LoadFormat.Native);
            var statement = sql.InsertNative(layout, plan.StagingName(file.Table));
            await Task.WhenAll(Enumerable.Range(0, streams).Select(k => InsertAsync(async token =>
            {
                tracker.Started(progress);
                using var content = new NativeUploadContent(source, (bytes, rows) => tracker.Sent(k, bytes, rows, progress));
                await connection.InsertAsync(statement, content, sql.NativeInsertSettings(), token).ConfigureAwait(false);
                tracker.Finished(k, content.BytesSent, content.RowsSent, progress);
            }))).ConfigureAwait(false);
            if (source.Problem is not { } problem)
            {
                return tracker.Result!;
            }

            tracker.Abandon();
            progress?.Report(new ImportProgress("Loading",
                $"{problem}. The Native load would not give that the server's own reading: loading {Path.GetFileName(file.Path)} as CSV instead.", totals.Percent));
            var staging = plan.StagingName(file.Table);
            await connection.ExecuteAsync(sql.DropTable(staging), failed.Token).ConfigureAwait(false);
            await connection.ExecuteAsync(sql.CreateTable(file.Table, staging), failed.Token).ConfigureAwait(false);
            return await LoadCsvAsync(file).ConfigureAwait(false);
        }

        async Task<TableLoadResult> LoadCsvAsync(ImportFile file)
        {
            var slices = CsvUploadContent.Slices(file.Path, Streams(file));
            var tracker = new FileLoadTracker(file, slices.Count, totals, LoadFormat.Csv);
            await Task.WhenAll(slices.Select((slice, k) => InsertAsync(async token =>
            {
                tracker.Started(progress);
                using var content = new CsvUploadContent(file.Path, slice.Offset, slice.Length, k == 0, compress,
                    (bytes, rows) => tracker.Sent(k, bytes, rows, progress));
                await connection.InsertAsync(sql.InsertCsv(file.Table, plan.StagingName(file.Table), k == 0), content, token).ConfigureAwait(false);
                tracker.Finished(k, content.BytesSent, content.RowsSent, progress);
            }))).ConfigureAwait(false);
            return tracker.Result!;
        }

        // Biggest files first, so that their INSERTs take the slots first and the small ones fill in at the end.
        var tasks = plan.Files.OrderByDescending(f => f.Bytes)
            .Select(f => parsing is { } numbers ? LoadNativeAsync(f, numbers) : LoadCsvAsync(f)).ToList();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (!cancel.IsCancellationRequested)
        {
            // One INSERT failed and cancelled the others: surface the real failure, not a cancellation.
            var first = tasks.Select(t => t.Exception?.InnerExceptions.FirstOrDefault(e => e is not OperationCanceledException))
                .FirstOrDefault(e => e is not null);
            if (first is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            }

            throw;
        }

        return [.. tasks.Select(t => t.Result)];
    }

    /// <summary>Staging rows must equal ground_truth.json. A file whose own row count differs is an incomplete
    /// dataset; a file that is right but loaded short is a server-side loss.</summary>
    private static async Task<List<TableLoadResult>> CheckCountsAsync(ClickHouseConnection session, ImportPlan plan,
        List<TableLoadResult> loads, CancellationToken cancel)
    {
        var checkedLoads = new List<TableLoadResult>();
        foreach (var load in loads)
        {
            var file = plan.Files.First(f => f.Table.Name == load.Table);
            var rows = await session.QueryAsync(plan.Sql.TableCount(plan.StagingName(file.Table)), cancel).ConfigureAwait(false);
            var loaded = TabSeparated.ParseInt64(rows[0][0]);
            if (load.LoadedRows != file.ExpectedRows)
            {
                throw new DatasetFolderException(DatasetProblem.Incomplete, file.Path,
                    $"{file.Path} holds {load.LoadedRows:N0} rows but ground_truth.json says {file.ExpectedRows:N0}: the file is truncated or was changed. " +
                    "Nothing was swapped in.");
            }

            if (loaded != file.ExpectedRows)
            {
                throw new RowCountMismatchException(
                    $"{plan.Sql.Qualified(plan.StagingName(file.Table))} received {loaded:N0} rows, but {file.ExpectedRows:N0} were sent. " +
                    "Nothing was swapped in.", file.Table.Name, file.ExpectedRows, loaded);
            }

            checkedLoads.Add(load with { LoadedRows = loaded });
        }

        // Report in catalog order.
        return [.. checkedLoads.OrderBy(l => TableCatalog.All.ToList().FindIndex(t => t.Name == l.Table))];
    }

    private static async Task SwapAsync(ClickHouseConnection session, ImportPlan plan, CancellationToken cancel)
    {
        var sql = plan.Sql;
        var pairs = new List<(string, string)>();
        foreach (var file in plan.Files)
        {
            if (plan.HasPreviousLoad(file.Table))
            {
                pairs.Add((file.Table.Name, ClickHouseSql.PreviousName(file.Table)));
            }
        }

        // A previous table that leftover cleaning renamed back counts as existing (handled above); drop stale
        // previous names first so the RENAME cannot collide.
        foreach (var file in plan.Files)
        {
            if (plan.Exists(sql.Database, ClickHouseSql.PreviousName(file.Table)) && plan.Exists(sql.Database, file.Table.Name))
            {
                await session.ExecuteAsync(sql.DropTable(ClickHouseSql.PreviousName(file.Table)), cancel).ConfigureAwait(false);
            }
        }

        pairs.AddRange(plan.Files.Select(f => (plan.StagingName(f.Table), f.Table.Name)));
        await session.ExecuteAsync(sql.Rename(pairs), cancel).ConfigureAwait(false);
    }

    /// <summary>Drops this import's staging tables and its number probe. A CREATE whose request was cancelled may still complete on the server
    /// after its DROP ran on another connection (18.16 does not stop a statement whose client went away), so the drops
    /// repeat until the server lists none of them, for a few seconds at most.</summary>
    private static async Task DropStagingQuietlyAsync(ClickHouseConnection session, ImportPlan plan)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var names = plan.Files.Select(f => plan.StagingName(f.Table)).Append(plan.ProbeName).ToList();
        try
        {
            for (var round = 0; round < 5 && names.Count > 0; round++)
            {
                if (round > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200 * round), timeout.Token).ConfigureAwait(false);
                }

                foreach (var name in names)
                {
                    await session.ExecuteAsync(plan.Sql.DropTable(name), timeout.Token).ConfigureAwait(false);
                }

                var left = (await session.QueryAsync(plan.Sql.TablesNamed(names), timeout.Token).ConfigureAwait(false)).Select(r => r[0]).ToHashSet();
                names = [.. names.Where(left.Contains)];
            }
        }
        catch (Exception e) when (e is ClickHouseException or OperationCanceledException or ObjectDisposedException or HttpRequestException or IOException)
        {
            // The server is gone or busy: the next import removes the leftovers.
        }
    }
}
