using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// The post-load checks of docs/clickhouse.md, every figure computed by SQL on the server (the queries come from
/// <see cref="ClickHouseSql"/>): rows loaded vs expected, impacted-slice requests per minute, the time range,
/// the fix-time effect, per-region p95 multipliers, central→east circuit RTT uplift, app-log rows per region
/// (through the index-pattern views too), the views, Tier 2 counts and the TSO confusion matrix, which must
/// equal ground_truth.json exactly. Returns the same <see cref="ValidationCheck"/> records as the dataset
/// validator, so Test-FiberSqsDataset -Uri can merge them.
/// </summary>
internal static class PostLoadValidator
{
    /// <summary>Central's p95 in the incident over its p95 outside must reach this, and be the highest region's.</summary>
    public const double MinCentralP95Multiplier = 1.5;

    /// <summary>The primary circuit's mean RTT in the incident over outside must reach this.</summary>
    public const double MinPrimaryRttUplift = 2.0;

    /// <summary>No other central→east circuit may have an uplift above this.</summary>
    public const double MaxOtherRttUplift = 1.2;

    /// <summary>Before the fix, the impacted slice's p95 must be at least this multiple of after.</summary>
    public const double MinFixP95Ratio = 1.5;

    /// <summary>Fewest finished transactions per period for the fix-time check to apply.</summary>
    public const long MinTransactionsPerPeriod = 30;

    /// <summary>Connects (GET /ping, SELECT version()) and runs the checks: what Test-FiberSqsDataset -Uri calls.</summary>
    /// <param name="url">Server URL, or null for $CLICKHOUSE_URL, else http://localhost:8123; sanitized as
    /// Import-FiberSqsClickHouse does.</param>
    /// <param name="credential">User and password, or null for the URL's user info, else $CLICKHOUSE_USER /
    /// $CLICKHOUSE_PASSWORD, else user default with no password.</param>
    /// <param name="database">The database the dataset was imported into (fibersqs_prod by default).</param>
    /// <param name="truth">The dataset's ground truth; null makes the comparisons that need it not applicable.</param>
    /// <param name="cancel">Stops the run.</param>
    /// <exception cref="ArgumentException">The URL is not http(s).</exception>
    /// <exception cref="ClickHouseUnreachableException">Nothing answers.</exception>
    /// <exception cref="NotClickHouseException">Something answers that is not ClickHouse's HTTP interface.</exception>
    /// <exception cref="ClickHouseAuthenticationException">The server refuses the user (the message never holds the password).</exception>
    /// <exception cref="ClickHouseQueryException">A check's query failed on the server.</exception>
    public static async Task<ValidationReport> RunAsync(string? url, NetworkCredential? credential, string database, GroundTruth? truth,
        CancellationToken cancel = default)
    {
        var endpoint = ClickHouseSettings.ResolveEndpoint(url);
        using var connection = await ClickHouseConnection.OpenAsync(endpoint, ClickHouseSettings.ResolveCredential(credential, endpoint), null, cancel)
            .ConfigureAwait(false);
        return await RunAsync(connection, database, truth, cancel).ConfigureAwait(false);
    }

    /// <summary>Synchronous <see cref="RunAsync(IClickHouseSession, string, GroundTruth?, CancellationToken)"/>.</summary>
    public static ValidationReport Run(IClickHouseSession session, string database, GroundTruth? truth, CancellationToken cancel = default) =>
        RunAsync(session, database, truth, cancel).GetAwaiter().GetResult();

    /// <summary>Runs every post-load check against <paramref name="database"/> through <paramref name="session"/>
    /// (an open <see cref="ClickHouseConnection"/>, or any engine). Throws <see cref="ClickHouseException"/> when the
    /// server fails; a check whose table is missing fails with a message rather than throwing.</summary>
    public static async Task<ValidationReport> RunAsync(IClickHouseSession session, string database, GroundTruth? truth,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var databases = (await session.QueryAsync(ClickHouseSql.ListDatabases(), cancel).ConfigureAwait(false)).Select(r => r[0]).ToHashSet();
        var compat = databases.Contains("logs") ? "logs" : "default";
        var listed = databases.Contains(database)
            ? await session.QueryAsync(ClickHouseSql.ListObjects([database, compat]), cancel).ConfigureAwait(false)
            : [];
        // A user's view under one of the module's names is not one of its views.
        var objects = listed.ToDictionary(r => r[0] + "." + r[1],
            r => r[2] == "View" && r.Length > 3 && !ClickHouseSql.IsOwnView(r[1], r[3]) ? "View (not a FiberSqs view)" : r[2]);
        // The compatibility views belong to the default database's import, or to another's that wrote them
        // (-CompatibilityViews): then they read this database's tables.
        var compatSource = listed.FirstOrDefault(r => r[0] == compat && r[1] == ClickHouseSql.CompatibilityViewNames["app_logs"]) is { Length: > 3 } view
            ? ClickHouseSql.ViewSource(view[3]) : null;
        var ownsCompat = database == ImportOptions.DefaultDatabase || compatSource == $"{database}.{TableCatalog.AppLogs.Name}";
        var sql = new ClickHouseSql(session.Dialect, database, ownsCompat ? compat : null);
        var run = new Runner(session, sql, truth, cancel);
        var tables = TableCatalog.All.Where(t => objects.ContainsKey(sql.Qualified(t.Name))).ToList();

        var checks = new List<ValidationCheck> { await run.RowCounts(tables).ConfigureAwait(false) };
        if (!TableCatalog.Tier1.All(tables.Contains))
        {
            checks.Add(new ValidationCheck(PostLoadCheckNames.TablesPresent, false, new FigureList().Add("database", database)
                    .Add("missing", string.Join(", ", TableCatalog.Tier1.Where(t => !tables.Contains(t)).Select(t => t.Name))),
                "every Tier 1 table exists", $"{database} lacks Tier 1 tables: import the dataset first (Import-FiberSqsClickHouse)."));
            return new ValidationReport(session.DisplayName + "/" + database, checks, clock.Elapsed);
        }

        checks.Add(await run.ImpactedSliceRequestsPerMinute().ConfigureAwait(false));
        checks.Add(await run.TimeRange(tables).ConfigureAwait(false));
        checks.Add(await run.FixTimeEffect().ConfigureAwait(false));
        checks.Add(await run.RegionP95Multiplier().ConfigureAwait(false));
        checks.Add(await run.CircuitRttUplift().ConfigureAwait(false));
        var days = (await session.QueryAsync(sql.AppLogDays(TableCatalog.AppLogs.Name), cancel).ConfigureAwait(false))
            .Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ToList();
        checks.Add(await run.AppLogRowsPerRegion(objects, days).ConfigureAwait(false));
        checks.Add(await run.Views(objects, days).ConfigureAwait(false));
        checks.Add(await run.Tier2(tables).ConfigureAwait(false));
        checks.Add(await run.TsoConfusionMatrix().ConfigureAwait(false));
        var sections = await run.OriginalSections(checks).ConfigureAwait(false);
        return new ValidationReport(session.DisplayName + "/" + database, checks, clock.Elapsed, sections);
    }

    private sealed class Runner(IClickHouseSession session, ClickHouseSql sql, GroundTruth? truth, CancellationToken cancel)
    {
        private readonly PostLoadStory story = PostLoadStory.From(truth);

        private static string Capital(string region) => region.Length == 0 ? region : char.ToUpperInvariant(region[0]) + region[1..];

        private Task<IReadOnlyList<string[]>> Query(string statement) => session.QueryAsync(statement, cancel);

        private static long L(string s) => TabSeparated.ParseInt64(s);

        private static double D(string s) => TabSeparated.ParseFloat64(s);

        private static double R(double v, int digits = 3) => double.IsFinite(v) ? Math.Round(v, digits) : v;

        public async Task<ValidationCheck> RowCounts(IReadOnlyList<TableSchema> tables)
        {
            var figures = new FigureList();
            var expected = truth?.Generation.RowCounts ?? [];
            var allMatch = true;
            var mismatches = new List<string>();
            foreach (var table in TableCatalog.All)
            {
                long? loaded = tables.Contains(table) ? L((await Query(sql.TableCount(table.Name)).ConfigureAwait(false))[0][0]) : null;
                long? want = expected.TryGetValue(table.Name, out var e) ? e : null;
                if (loaded is null && want is null)
                {
                    continue;
                }

                figures.Add(table.Name + "_loaded", loaded).Add(table.Name + "_expected", want);
                var ok = truth is null ? loaded > 0 : loaded == want;
                if (!ok)
                {
                    allMatch = false;
                    mismatches.Add(table.Name + " " + (loaded is long l ? l.ToString("N0", CultureInfo.InvariantCulture) : "missing") + " vs " +
                        (want is long w ? w.ToString("N0", CultureInfo.InvariantCulture) : "none expected"));
                }
            }

            return new ValidationCheck(PostLoadCheckNames.RowCounts, allMatch, figures,
                truth is null ? "every table has rows (no ground truth given)" : "rows loaded = ground_truth.json generation.row_counts, per table",
                allMatch ? "Every table holds the rows the dataset has." : "Row counts differ: " + string.Join("; ", mismatches) + ". Import the dataset again.");
        }

        public async Task<ValidationCheck> ImpactedSliceRequestsPerMinute()
        {
            var r = (await Query(sql.ImpactedSliceRequestsPerMinute(story)).ConfigureAwait(false))[0];
            var minutes = L(r[3]);
            var figures = new FigureList().Add("median_rpm", minutes > 0 ? D(r[0]) : 0.0).Add("p95_rpm", minutes > 0 ? D(r[1]) : 0.0)
                .Add("max_rpm", minutes > 0 ? L(r[2]) : 0L).Add("minutes_with_requests", minutes);
            return new ValidationCheck(PostLoadCheckNames.ImpactedSliceRpm, minutes > 0, figures,
                "the impacted slice (central provision/modify 'received' rows) has requests",
                minutes > 0 ? "Requests per minute of the impacted slice, over the minutes that have any."
                            : "No central provision/modify requests: the app logs do not hold the incident's slice.");
        }

        public async Task<ValidationCheck> TimeRange(IReadOnlyList<TableSchema> tables)
        {
            var rows = await Query(sql.TimeRange(tables)).ConfigureAwait(false);
            var withRows = rows.Where(r => L(r[5]) > 0).ToList();
            var minDay = withRows.Count > 0 ? withRows.Min(r => L(r[1])) : 0;
            var maxDay = withRows.Count > 0 ? withRows.Max(r => L(r[2])) : 0;
            var first = withRows.Count > 0 ? withRows.Select(r => r[3]).Min(StringComparer.Ordinal) ?? "" : "";
            var last = withRows.Count > 0 ? withRows.Select(r => r[4]).Max(StringComparer.Ordinal) ?? "" : "";
            var start = Scenario.WindowStart.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var end = Scenario.WindowEnd.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var ok = withRows.Count > 0 && string.CompareOrdinal(first, start) >= 0 && string.CompareOrdinal(last, end) < 0;
            var figures = new FigureList().Add("min_day", minDay).Add("max_day", maxDay).Add("first_ts", first).Add("last_ts", last)
                .Add("days", withRows.Count > 0 ? (long)(DateTime.ParseExact(maxDay.ToString(CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture)
                    - DateTime.ParseExact(minDay.ToString(CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture)).TotalDays + 1 : 0L);
            return new ValidationCheck(PostLoadCheckNames.TimeRange, ok, figures, $"every ts in [{start}, {end}) UTC",
                ok ? "Every typed timestamp lies inside the window." : $"Timestamps run from {first} to {last}, outside the window.");
        }

        public async Task<ValidationCheck> FixTimeEffect()
        {
            var rows = (await Query(sql.FixTimeEffect(story)).ConfigureAwait(false)).ToDictionary(r => r[0]);
            (double P95, double P99, double Timeouts, long N, double Mean) Period(string name) =>
                rows.TryGetValue(name, out var r) ? (D(r[1]), D(r[2]), D(r[3]), L(r[4]), D(r[5])) : (double.NaN, double.NaN, double.NaN, 0, double.NaN);
            var before = Period("before");
            var after = Period("after");
            var applicable = before.N >= MinTransactionsPerPeriod && after.N >= MinTransactionsPerPeriod;
            var measure = story.StallsLocally ? "mean" : "p95";
            var ratio = story.StallsLocally ? before.Mean / after.Mean : before.P95 / after.P95;
            var ok = ratio >= MinFixP95Ratio && before.Timeouts > after.Timeouts;
            var figures = new FigureList()
                .Add("p95_before_ms", R(before.P95)).Add("p99_before_ms", R(before.P99)).Add("timeout_rate_before", R(before.Timeouts, 4)).Add("finished_before", before.N)
                .Add("p95_after_ms", R(after.P95)).Add("p99_after_ms", R(after.P99)).Add("timeout_rate_after", R(after.Timeouts, 4)).Add("finished_after", after.N)
                .Add("p95_ratio", R(before.P95 / after.P95));
            if (story.StallsLocally)
            {
                figures.Add("mean_before_ms", R(before.Mean)).Add("mean_after_ms", R(after.Mean)).Add("mean_ratio", R(ratio));
            }

            return new ValidationCheck(PostLoadCheckNames.FixTimeEffect, ok, figures,
                $"impacted slice from incident start: {measure} latency before the fix >= {MinFixP95Ratio}x after, and more timeouts before (>= {MinTransactionsPerPeriod} finished per period)",
                !applicable ? "Too few finished impacted transactions around the fix time to compare."
                : ok ? "Latency and timeouts drop after the fix time." : "The fix time makes no visible difference: the incident is not in the loaded app logs.",
                applicable);
        }

        public async Task<ValidationCheck> RegionP95Multiplier()
        {
            var rows = await Query(sql.RegionP95IncidentVsBaseline(story)).ConfigureAwait(false);
            var figures = new FigureList();
            var multipliers = new Dictionary<string, double>();
            var measure = story.StallsLocally ? "mean" : "p95";
            foreach (var region in Scenario.Regions)
            {
                var r = rows.FirstOrDefault(x => x[0] == region);
                var inside = r is null || L(r[3]) == 0 ? double.NaN : D(r[1]);
                var outside = r is null || L(r[4]) == 0 ? double.NaN : D(r[2]);
                figures.Add(region + "_p95_incident_ms", R(inside)).Add(region + "_p95_baseline_ms", R(outside));
                if (story.StallsLocally)
                {
                    (inside, outside) = r is null ? (double.NaN, double.NaN) : (L(r[3]) == 0 ? double.NaN : D(r[5]), L(r[4]) == 0 ? double.NaN : D(r[6]));
                    figures.Add(region + "_mean_incident_ms", R(inside)).Add(region + "_mean_baseline_ms", R(outside));
                }

                multipliers[region] = inside / outside;
                figures.Add(region + "_multiplier", R(inside / outside));
            }

            var central = multipliers[story.SourceRegion];
            var others = multipliers.Where(m => m.Key != story.SourceRegion && double.IsFinite(m.Value)).Select(m => m.Value).DefaultIfEmpty(0).Max();
            var ok = central >= MinCentralP95Multiplier && central > others;
            return new ValidationCheck(PostLoadCheckNames.RegionP95Multiplier, ok, figures,
                $"{story.SourceRegion}'s impacted types' {measure} latency in the incident >= {MinCentralP95Multiplier}x its baseline, and the highest region's",
                ok ? $"{Capital(story.SourceRegion)}'s {measure} rises {central:0.##}x in the incident; no other region more than {others:0.##}x."
                   : $"{Capital(story.SourceRegion)}'s multiplier is {central:0.##} (highest elsewhere {others:0.##}): the incident is not where the dataset puts it.");
        }

        public async Task<ValidationCheck> CircuitRttUplift()
        {
            var rows = await Query(sql.CircuitRttUplift(story)).ConfigureAwait(false);
            var figures = new FigureList().Add("circuits", (long)rows.Count);
            for (var i = 0; i < Math.Min(3, rows.Count); i++)
            {
                figures.Add($"top{i + 1}_circuit", rows[i][0]).Add($"top{i + 1}_uplift", R(D(rows[i][1])))
                    .Add($"top{i + 1}_rtt_incident_ms", R(D(rows[i][2]))).Add($"top{i + 1}_rtt_baseline_ms", R(D(rows[i][3])));
            }

            var top = rows.Count > 0 ? rows[0] : null;
            if (story.Circuit.Length == 0)
            {
                // Not a circuit's incident: the pair's circuits stay healthy through it.
                var highest = rows.Select(r => D(r[1])).Where(double.IsFinite).DefaultIfEmpty(0).Max();
                var healthy = rows.Count > 0 && highest <= MaxOtherRttUplift;
                return new ValidationCheck(PostLoadCheckNames.CircuitRttUplift, healthy, figures,
                    $"every {story.SourceRegion}->{story.DestinationRegion} circuit's mean RTT uplift in the incident <= {MaxOtherRttUplift}x (the incident is not a circuit's)",
                    healthy ? $"No {story.SourceRegion}->{story.DestinationRegion} circuit is elevated: the network is not the cause."
                    : rows.Count == 0 ? $"No {story.SourceRegion}->{story.DestinationRegion} circuit metrics."
                    : $"Top circuit {top![0]} is {highest:0.##}x in the incident, though the incident is not a circuit's.");
            }

            var otherMax = rows.Skip(1).Select(r => D(r[1])).Where(double.IsFinite).DefaultIfEmpty(0).Max();
            var ok = top is not null && top[0] == story.Circuit && D(top[1]) >= MinPrimaryRttUplift && otherMax <= MaxOtherRttUplift;
            return new ValidationCheck(PostLoadCheckNames.CircuitRttUplift, ok, figures,
                $"top {story.SourceRegion}->{story.DestinationRegion} circuit by mean RTT uplift is {story.Circuit} with >= {MinPrimaryRttUplift}x; every other <= {MaxOtherRttUplift}x",
                ok ? $"{story.Circuit} stands out; no other {story.SourceRegion}->{story.DestinationRegion} circuit is elevated."
                   : top is null ? $"No {story.SourceRegion}->{story.DestinationRegion} circuit metrics." : $"Top circuit {top[0]} ({D(top[1]):0.##}x), next highest {otherMax:0.##}x.");
        }

        public async Task<ValidationCheck> AppLogRowsPerRegion(Dictionary<string, string> objects, List<int> days)
        {
            var byTable = (await Query(sql.AppLogRowsPerRegion()).ConfigureAwait(false)).ToDictionary(r => r[0], r => L(r[1]));
            var figures = new FigureList();
            var problems = new List<string>();
            foreach (var region in Scenario.Regions)
            {
                figures.Add("rows_" + region, byTable.GetValueOrDefault(region));
                if (byTable.GetValueOrDefault(region) == 0)
                {
                    problems.Add($"no rows for {region}");
                }
            }

            var total = byTable.Values.Sum();
            figures.Add("rows_total", total);
            var regionViewsExist = Scenario.Regions.All(r => objects.ContainsKey(sql.Qualified(sql.RegionViewName(r))));
            if (regionViewsExist)
            {
                var viaViews = (await Query(sql.RowsThroughRegionViews()).ConfigureAwait(false)).ToDictionary(r => r[0], r => L(r[1]));
                figures.Add("rows_total_via_region_views", viaViews.Values.Sum());
                problems.AddRange(Scenario.Regions.Where(r => viaViews.GetValueOrDefault(r) != byTable.GetValueOrDefault(r))
                    .Select(r => $"{sql.RegionViewName(r)} returns {viaViews.GetValueOrDefault(r):N0} rows, the table {byTable.GetValueOrDefault(r):N0}"));
                if (days.Count > 0 && days.All(d => Scenario.Regions.All(r => objects.ContainsKey(sql.Qualified(sql.DayViewName(r, d))))))
                {
                    long viaDays = 0;
                    foreach (var region in Scenario.Regions)
                    {
                        viaDays += L((await Query(sql.RowsThroughDayViews(region, days)).ConfigureAwait(false))[0][0]);
                    }

                    figures.Add("rows_total_via_day_views", viaDays);
                    if (viaDays != total)
                    {
                        problems.Add($"the per-day views return {viaDays:N0} rows, the table {total:N0}");
                    }
                }
                else
                {
                    problems.Add("per-day views missing");
                }
            }
            else
            {
                problems.Add("region views missing");
            }

            var ok = problems.Count == 0;
            return new ValidationCheck(PostLoadCheckNames.AppLogRowsPerRegion, ok, figures,
                "every region has app-log rows; the region and per-day views return exactly the table's rows",
                ok ? "Every region has app logs and the index-pattern views return all of them." : string.Join("; ", problems) + ".");
        }

        public async Task<ValidationCheck> Views(Dictionary<string, string> objects, List<int> days)
        {
            var wanted = sql.Views(days);
            var compat = wanted.Where(v => v.Kind == "compatibility").ToList();
            var index = wanted.Where(v => v.Kind != "compatibility").ToList();
            bool IsView(ClickHouseView v) => objects.TryGetValue(v.FullName, out var e) && e == "View";
            var shown = (await Query(sql.ShowIndexPatternViews()).ConfigureAwait(false)).Select(r => r[0]).ToHashSet();
            var missing = wanted.Where(v => !IsView(v)).Select(v => v.FullName).ToList();
            missing.AddRange(index.Where(v => !shown.Contains(v.Name)).Select(v => v.FullName + " (not listed by SHOW TABLES)").Where(_ => true).Except(missing));
            var actualCompat = compat.Count(IsView);
            var actualIndex = objects.Count(o => o.Value == "View" && o.Key.StartsWith(sql.Database + ".", StringComparison.Ordinal) &&
                                                 sql.IsIndexPatternViewName(o.Key[(sql.Database.Length + 1)..]));
            var figures = new FigureList()
                .Add("compatibility_database", sql.CompatibilityDatabase ?? "")
                .Add("expected_compatibility_views", (long)compat.Count).Add("actual_compatibility_views", (long)actualCompat)
                .Add("expected_index_pattern_views", (long)index.Count).Add("actual_index_pattern_views", (long)actualIndex)
                .Add("days", (long)days.Count)
                .Add("views", string.Join(", ", wanted.Where(IsView).Select(v => v.FullName)));
            var ok = missing.Count == 0 && actualIndex == index.Count;
            return new ValidationCheck(PostLoadCheckNames.Views, ok, figures,
                (sql.CompatibilityDatabase is null ? "" : "5 compatibility views, and ") + "5 region views plus 5 per generated day, all present",
                ok ? $"All {wanted.Count} views are there." : "Missing or extra views: " + string.Join(", ", missing.DefaultIfEmpty($"{actualIndex} index-pattern views for {index.Count} expected")) + ". Import again to recreate them.");
        }

        public async Task<ValidationCheck> Tier2(IReadOnlyList<TableSchema> tables)
        {
            var tier2 = TableCatalog.Tier2.Where(tables.Contains).ToList();
            var figures = new FigureList();
            if (tier2.Count == 0)
            {
                return new ValidationCheck(PostLoadCheckNames.Tier2RowCounts, true, figures.Add("tier2_tables", 0L), "Tier 2 tables hold the dataset's rows",
                    "No Tier 2 tables (the dataset was generated without -EnableTier2).", applicable: false);
            }

            var problems = new List<string>();
            foreach (var table in TableCatalog.Tier2)
            {
                long? rows = tier2.Contains(table) ? L((await Query(sql.TableCount(table.Name)).ConfigureAwait(false))[0][0]) : null;
                figures.Add(table.Name + "_rows", rows);
                if (rows is null)
                {
                    problems.Add(table.Name + " missing");
                }
                else if (truth is not null && truth.Generation.RowCounts.TryGetValue(table.Name, out var want) && want != rows)
                {
                    problems.Add($"{table.Name} {rows:N0} vs {want:N0} expected");
                }
            }

            if (tier2.Contains(TableCatalog.TxnFacts))
            {
                var received = L((await Query(sql.ReceivedTransactions()).ConfigureAwait(false))[0][0]);
                figures.Add("transactions_received_in_app_logs", received);
                if (received != (long?)figures.First(f => f.Name == "txn_facts_rows").Value)
                {
                    problems.Add("txn_facts rows differ from the transactions received in the app logs");
                }
            }

            var ok = problems.Count == 0;
            return new ValidationCheck(PostLoadCheckNames.Tier2RowCounts, ok, figures,
                "all three Tier 2 tables hold ground_truth.json's rows; one txn_facts row per received transaction",
                ok ? "Tier 2 tables are complete." : string.Join("; ", problems) + ".");
        }

        /// <summary>The original regen script's report sections, in its key names, every figure from SQL on the server:
        /// impacted_slice_volume, fix_verification, incident_p95_multiplier, top_central_to_east_circuit_uplift, tso_postload,
        /// and the confusion matrix's tso_* keys at the top level.</summary>
        public async Task<JsonObject> OriginalSections(IReadOnlyList<ValidationCheck> checks)
        {
            var rpm = checks.First(c => c.Name == PostLoadCheckNames.ImpactedSliceRpm);
            var fix = new JsonArray();
            foreach (var r in await Query(sql.FixVerification(story)).ConfigureAwait(false))
            {
                fix.Add(new JsonObject
                {
                    ["window"] = r[0],
                    ["p95_latency_ms"] = R(D(r[1]), 2),
                    ["p99_latency_ms"] = R(D(r[2]), 2),
                    ["timeout_rate"] = D(r[3]),
                    ["n"] = L(r[4]),
                });
            }

            var regions = new JsonArray();
            foreach (var r in await Query(sql.IncidentP95Multiplier(story)).ConfigureAwait(false))
            {
                regions.Add(new JsonObject { ["region"] = r[0], ["p95_baseline"] = R(D(r[1]), 2), ["p95_incident"] = R(D(r[2]), 2), ["p95_multiplier"] = D(r[3]) });
            }

            var circuits = new JsonArray();
            foreach (var r in await Query(sql.TopCircuitP95Uplift(story)).ConfigureAwait(false))
            {
                circuits.Add(new JsonObject
                {
                    ["circuit_id"] = r[0],
                    ["src_region"] = r[1],
                    ["dst_region"] = r[2],
                    ["p95_baseline"] = R(D(r[3]), 2),
                    ["p95_incident"] = R(D(r[4]), 2),
                    ["p95_multiplier"] = D(r[5]),
                });
            }

            var m = checks.First(c => c.Name == PostLoadCheckNames.TsoConfusionMatrix);
            long F(string name) => m.Figure(name) is long v ? v : 0;
            long tp = F("tp"), fn = F("fn_missing_txn_id"), fp = F("fp_nonexistent_txn_id"), wrong = F("wrong_link"), total = F("total_calls");
            double Ratio(long a, long b) => b == 0 ? 0 : Math.Round((double)a / b, 4);
            var confusion = new JsonObject
            {
                ["tso_tp_count"] = tp,
                ["tso_fn_count"] = fn,
                ["tso_fp_count"] = fp,
                ["tso_wrong_link_count"] = wrong,
                ["tso_fn_rate"] = Ratio(fn, total),
                ["tso_fp_rate_non_empty"] = Ratio(fp, total - fn),
                ["tso_wrong_link_rate_joined"] = Ratio(wrong, tp + wrong),
                ["tso_tp_rate"] = Ratio(tp, total),
            };
            var sections = new JsonObject
            {
                ["impacted_slice_volume"] = new JsonObject
                {
                    ["median_rpm"] = (double?)rpm.Figure("median_rpm"),
                    ["p95_rpm"] = (double?)rpm.Figure("p95_rpm"),
                    ["max_rpm"] = (long?)rpm.Figure("max_rpm"),
                },
                ["fix_verification"] = fix,
                ["incident_p95_multiplier"] = regions,
                ["top_central_to_east_circuit_uplift"] = circuits,
                ["tso_postload"] = new JsonObject
                {
                    ["missing"] = new JsonObject { ["missing_rate"] = Ratio(fn, total), ["total"] = total },
                    ["nonexistent"] = new JsonObject { ["nonexistent_rate"] = Ratio(fp, total - fn) },
                    ["customer_mismatch"] = new JsonObject { ["mismatch_rate"] = Ratio(wrong, tp + wrong) },
                    ["confusion_matrix"] = confusion.DeepClone(),
                },
            };
            foreach (var (key, value) in confusion)
            {
                sections[key] = value?.DeepClone();
            }

            return sections;
        }

        public async Task<ValidationCheck> TsoConfusionMatrix()
        {
            var r = (await Query(sql.TsoConfusionMatrix()).ConfigureAwait(false))[0];
            long fn = L(r[0]), fp = L(r[1]), wrong = L(r[2]), tp = L(r[3]), total = L(r[4]);
            double Rate(long n) => total > 0 ? Math.Round((double)n / total, 6) : 0;
            var figures = new FigureList()
                .Add("tp", tp).Add("fn_missing_txn_id", fn).Add("fp_nonexistent_txn_id", fp).Add("wrong_link", wrong).Add("total_calls", total)
                .Add("tp_rate", Rate(tp)).Add("fn_rate", Rate(fn)).Add("fp_rate", Rate(fp)).Add("wrong_link_rate", Rate(wrong));
            if (truth is null)
            {
                return new ValidationCheck(PostLoadCheckNames.TsoConfusionMatrix, tp + fn + fp + wrong == total, figures,
                    "equals ground_truth.json tso_noise (no ground truth given)", "No ground truth to compare the confusion matrix with.", applicable: false);
            }

            var counts = truth.TsoNoise.NoiseCounts;
            long Want(string type) => counts.GetValueOrDefault(type);
            figures.Add("expected_tp", Want(TsoNoiseType.Clean)).Add("expected_fn_missing", Want(TsoNoiseType.Missing))
                .Add("expected_fp_nonexistent", Want(TsoNoiseType.Fabricated)).Add("expected_wrong_link", Want(TsoNoiseType.WrongCustomer))
                .Add("expected_total_calls", truth.TsoNoise.TotalCalls);
            var ok = tp == Want(TsoNoiseType.Clean) && fn == Want(TsoNoiseType.Missing) && fp == Want(TsoNoiseType.Fabricated) &&
                     wrong == Want(TsoNoiseType.WrongCustomer) && total == truth.TsoNoise.TotalCalls;
            return new ValidationCheck(PostLoadCheckNames.TsoConfusionMatrix, ok, figures,
                "TP = clean, FN = missing, FP = fabricated, wrong link = wrong_customer, exactly as ground_truth.json tso_noise",
                ok ? "The SQL confusion matrix equals the answer key." : "The SQL confusion matrix differs from ground_truth.json: the loaded tso_calls or app_logs do not match the dataset.");
        }
    }
}
