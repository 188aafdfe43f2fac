using System.Globalization;
using System.Text;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Safety;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// The one producer of SQL for every server version and engine (ClickHouse 18.16 over HTTP, current servers,
/// chDB in the tests): database, tables, the staging/swap names, inserts, views, and the post-load validation
/// queries. It picks types and syntax from <see cref="ClickHouseDialect"/>; callers never write SQL themselves.
/// </summary>
internal sealed partial class ClickHouseSql
{
    /// <summary>Suffix of the tables a load writes into before they are swapped in: <c>&lt;table&gt;__&lt;token&gt;__fibersqs_staging</c>,
    /// the token being the import's own, so a load never writes into (or waits on) a table an interrupted one left.</summary>
    public const string StagingSuffix = "__fibersqs_staging";

    /// <summary>Suffix the previous load's tables carry between the swap and their drop.</summary>
    public const string PreviousSuffix = "__fibersqs_previous";

    /// <summary>Suffix of a view built beside the live one on servers without CREATE OR REPLACE VIEW, until one RENAME swaps it in.</summary>
    public const string NextViewSuffix = "__fibersqs_next";

    /// <summary>The compatibility view names (docs/clickhouse.md) by table.</summary>
    public static readonly IReadOnlyDictionary<string, string> CompatibilityViewNames = new Dictionary<string, string>
    {
        ["app_logs"] = "fibersqs_app_logs",
        ["trace_spans"] = "trace_spans",
        ["network_circuit_metrics"] = "network_circuit_metrics",
        ["infra_host_metrics"] = "infra_host_metrics",
        ["tso_calls"] = "tso_calls",
    };

    /// <param name="dialect">What the server accepts.</param>
    /// <param name="database">The database of the tables and index-pattern views.</param>
    /// <param name="compatibilityDatabase">Where the compatibility views go (<c>logs</c> or <c>default</c>), or null for an
    /// import that writes none (one into a database other than the default, unless asked).</param>
    public ClickHouseSql(ClickHouseDialect dialect, string database, string? compatibilityDatabase)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        Dialect = dialect;
        Database = CheckIdentifier(database, nameof(database));
        CompatibilityDatabase = compatibilityDatabase is null ? null : CheckIdentifier(compatibilityDatabase, nameof(compatibilityDatabase));
    }

    public ClickHouseDialect Dialect { get; }

    /// <summary>The database holding the tables and index-pattern views (fibersqs_prod by default).</summary>
    public string Database { get; }

    /// <summary>Where the compatibility views go: <c>logs</c> when it exists, else <c>default</c>; null when this import
    /// writes none.</summary>
    public string? CompatibilityDatabase { get; }

    /// <summary>The alias every view of this module gives its table (<c>FROM db.t AS fibersqs_view</c>): it changes
    /// nothing in what the view returns, and the server keeps it in the view's definition, so a later import knows
    /// the view for one of its own and never replaces a user's view that happens to have the same name.</summary>
    public const string ViewAlias = "fibersqs_view";

    /// <summary>Longest name this module creates or accepts.</summary>
    public const int MaxIdentifierLength = 100;

    /// <summary>True for a name ClickHouse accepts unquoted, which is all this module creates or accepts: ASCII letters,
    /// digits and underscores, not starting with a digit, 1 to 100 characters. Compared character by character (no
    /// regex, no culture), so a trailing line feed or a look-alike such as the Kelvin sign never passes.</summary>
    public static bool IsIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxIdentifierLength || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    public static string CheckIdentifier(string name, string parameter) =>
        IsIdentifier(name) ? name : throw new ArgumentException(
            $"'{UntrustedText.Escape(name, 120)}' is not a valid ClickHouse name: use letters, digits and underscores, not starting with a digit.", parameter);

    /// <summary>Databases an import may never load into: the compatibility views' databases (<c>logs</c>, <c>default</c>),
    /// whose view names the tables share, and the server's own (<c>system</c>, <c>INFORMATION_SCHEMA</c>). Compared
    /// ignoring case, so <c>LOGS</c> or <c>System</c> are refused too.</summary>
    public static readonly IReadOnlyList<string> ReservedDatabases = ["logs", "default", "system", "INFORMATION_SCHEMA", "information_schema"];

    public static bool IsReservedDatabase(string name) =>
        ReservedDatabases.Contains(name, StringComparer.OrdinalIgnoreCase);

    // ---- objects ----------------------------------------------------------------------------------------

    /// <summary>The staging table of <paramref name="table"/> for the import with <paramref name="token"/> (16 hex digits).</summary>
    public static string StagingName(TableSchema table, string token)
    {
        ArgumentNullException.ThrowIfNull(table);
        return $"{table.Name}__{token}{StagingSuffix}";
    }

    /// <summary>True for a staging table of some import (this version's <c>&lt;table&gt;__&lt;token&gt;__fibersqs_staging</c>, or an
    /// earlier version's <c>&lt;table&gt;__fibersqs_staging</c>) of one of the module's tables.</summary>
    public static bool IsStagingName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.EndsWith(StagingSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        var stem = name[..^StagingSuffix.Length];
        return TableCatalog.All.Select(t => t.Name).Append(ProbeStem).Any(t => stem == t ||
            (stem.Length == t.Length + 18 && stem.StartsWith(t + "__", StringComparison.Ordinal) &&
             stem[(t.Length + 2)..].All(char.IsAsciiHexDigitLower)));
    }

    /// <summary>The stem of the small table an import reads the server's number parsing from (see
    /// <see cref="NativeLoad.NumberParsingProbe"/>); named like a staging table, so that a leftover is dropped with them.</summary>
    public const string ProbeStem = "fibersqs_number_probe";

    /// <summary>The number-parsing probe table of the import with <paramref name="token"/>.</summary>
    public static string ProbeName(string token) => $"{ProbeStem}__{token}{StagingSuffix}";

    public static string PreviousName(TableSchema table) => table.Name + PreviousSuffix;

    /// <summary>Where an old server's view swap sets the live view aside (see <see cref="CreateOrReplaceView"/>).</summary>
    public static string PreviousName(ClickHouseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Name + PreviousSuffix;
    }

    public string Qualified(string name) => $"{Database}.{name}";

    public string CreateDatabase() => $"CREATE DATABASE IF NOT EXISTS {Database}";

    /// <summary><c>CREATE TABLE</c> for <paramref name="table"/> under <paramref name="name"/> (its own name, or the staging name).</summary>
    public string CreateTable(TableSchema table, string name)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = ClickHouseSchema.Columns(table, Dialect);
        var sb = new StringBuilder();
        sb.Append("CREATE TABLE ").Append(Qualified(CheckIdentifier(name, nameof(name)))).Append("\n(\n");
        sb.AppendJoin(",\n", columns.Select(c => "    " + c.Definition));
        sb.Append("\n)\nENGINE = MergeTree\nPARTITION BY toYYYYMMDD(ts)\nORDER BY (")
          .AppendJoin(", ", ClickHouseSchema.OrderKey(table)).Append(')');
        return sb.ToString();
    }

    public string DropTable(string name) => $"DROP TABLE IF EXISTS {Qualified(CheckIdentifier(name, nameof(name)))}";

    /// <summary>Which of these tables of the database exist (one name per row).</summary>
    public string TablesNamed(IReadOnlyList<string> names) =>
        $"SELECT name FROM system.tables WHERE database = {Literal(Database)} AND name IN (" +
        string.Join(", ", names.Select(n => Literal(CheckIdentifier(n, nameof(names))))) + ") ORDER BY name";

    /// <summary>The streaming insert: the CSV's columns by name (the typed ones fill from their DEFAULT), data in the
    /// body; <c>CSVWithNames</c> for a body that starts with the header row, <c>CSV</c> for a later slice of the file.</summary>
    public string InsertCsv(TableSchema table, string name, bool withHeader = true)
    {
        ArgumentNullException.ThrowIfNull(table);
        return $"INSERT INTO {Qualified(CheckIdentifier(name, nameof(name)))} ({string.Join(", ", table.ColumnNames)}) " +
            (withHeader ? "FORMAT CSVWithNames" : "FORMAT CSV");
    }

    /// <summary>The fast insert: Native blocks of every column (<see cref="NativeLoad.NativeTableLayout"/>), the typed ones
    /// computed by the client. Send with <see cref="NativeInsertSettings"/>.</summary>
    public string InsertNative(NativeLoad.NativeTableLayout layout, string name)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return $"INSERT INTO {Qualified(CheckIdentifier(name, nameof(name)))} ({string.Join(", ", layout.ColumnNames)}) FORMAT Native";
    }

    /// <summary>The settings of a Native insert: each block as sent, without the server squashing (copying) blocks
    /// into bigger ones, which costs 18.16 more than reading them; LowCardinality columns arrive as String.</summary>
    public IReadOnlyList<(string Name, string Value)> NativeInsertSettings() => Dialect.HasLowCardinality
        ? [("min_insert_block_size_rows", "0"), ("min_insert_block_size_bytes", "0"), ("low_cardinality_allow_in_native_format", "0")]
        : [("min_insert_block_size_rows", "0"), ("min_insert_block_size_bytes", "0")];

    /// <summary>The Native insert reading a local file of blocks (chDB, clickhouse-local; current servers only).</summary>
    public string InsertNativeFromFile(NativeLoad.NativeTableLayout layout, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(path);
        return $"INSERT INTO {Qualified(CheckIdentifier(name, nameof(name)))} ({string.Join(", ", layout.ColumnNames)}) FROM INFILE {Literal(path)} " +
            $"SETTINGS {string.Join(", ", NativeInsertSettings().Select(s => $"{s.Name} = {s.Value}"))} FORMAT Native";
    }

    /// <summary>The same insert reading a local file (chDB, clickhouse-local; current servers only).</summary>
    public string InsertCsvFromFile(TableSchema table, string name, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(path);
        return $"INSERT INTO {Qualified(CheckIdentifier(name, nameof(name)))} ({string.Join(", ", table.ColumnNames)}) " +
            $"FROM INFILE {Literal(path)} FORMAT CSVWithNames";
    }

    /// <summary>One RENAME TABLE for all pairs (names in <see cref="Database"/>).</summary>
    public string Rename(IEnumerable<(string From, string To)> pairs) =>
        "RENAME TABLE " + string.Join(", ", pairs.Select(p => $"{Qualified(p.From)} TO {Qualified(p.To)}"));

    public string TableCount(string name) => $"SELECT count() FROM {Qualified(CheckIdentifier(name, nameof(name)))}";

    /// <summary>Name, engine and definition of every table and view in the given databases.</summary>
    public static string ListObjects(IEnumerable<string> databases) =>
        "SELECT database, name, engine, create_table_query FROM system.tables WHERE database IN (" +
        string.Join(", ", databases.Select(Literal)) + ") ORDER BY database, name";

    /// <summary>The INSERTs into this database's staging tables that run on the server now (query id, a progress figure,
    /// the statement). LIKE is anchored at the start, so this SELECT (which holds the pattern) never lists itself.</summary>
    public string RunningStagingInserts() =>
        "SELECT query_id, toString(read_rows + written_rows + read_bytes + written_bytes), query FROM system.processes " +
        $"WHERE query LIKE {Literal("INSERT INTO " + Database + ".%" + StagingSuffix + "%")} ORDER BY query_id";

    /// <summary>Asks the server to stop one query (without waiting: 18.16 cannot stop an HTTP INSERT that waits for its body).</summary>
    public static string KillQuery(string queryId) => $"KILL QUERY WHERE query_id = {Literal(queryId)} ASYNC";

    /// <summary>The table an <c>INSERT INTO db.name ...</c> statement writes into (its name), or null.</summary>
    public string? InsertTarget(string statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var prefix = "INSERT INTO " + Database + ".";
        if (!statement.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = statement[prefix.Length..];
        var end = rest.IndexOfAny([' ', '(', '\n', '\t']);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>Databases that hold a FiberSqs load (an app_logs MergeTree table), for -Database completion.</summary>
    public static string ListLoadedDatabases() =>
        "SELECT DISTINCT database FROM system.tables WHERE name = 'app_logs' AND engine LIKE '%MergeTree' ORDER BY database";

    /// <summary>(table, column) pairs of the given tables of one database.</summary>
    public static string ListColumns(string database, IEnumerable<string> tables) =>
        $"SELECT table, name FROM system.columns WHERE database = {Literal(database)} AND table IN ({string.Join(", ", tables.Select(Literal))}) ORDER BY table, name";

    public static string ListDatabases() => "SELECT name FROM system.databases ORDER BY name";

    /// <summary>The days (YYYYMMDD) inside the dataset's window that a loaded app-log table has rows for: what the
    /// per-day views are planned from (never a range a file claims, so a crafted dataset cannot ask for millions).</summary>
    public string AppLogDays(string tableName) =>
        $"SELECT DISTINCT toYYYYMMDD(ts) AS day FROM {Qualified(CheckIdentifier(tableName, nameof(tableName)))} " +
        $"WHERE ts >= {Time(Scenario.WindowStart)} AND ts < {Time(Scenario.WindowEnd)} ORDER BY day";

    // ---- views ------------------------------------------------------------------------------------------

    /// <summary>The columns a view over <paramref name="table"/> exposes, listed explicitly (the CSV's and the
    /// typed ones), so nothing depends on which columns <c>SELECT *</c> returns.</summary>
    public string ViewColumns(TableSchema table) =>
        string.Join(", ", ClickHouseSchema.Columns(table, Dialect).Select(c => c.Name));

    /// <summary>Every view of docs/clickhouse.md for an import whose app logs cover <paramref name="days"/> (YYYYMMDD): the 5
    /// compatibility views (when this import writes them), 5 region views and 5 per day. Every view reads the tables of
    /// <see cref="Database"/> itself, so imports into different databases never change what each other's views return.</summary>
    public IReadOnlyList<ClickHouseView> Views(IEnumerable<int> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var views = new List<ClickHouseView>();
        if (CompatibilityDatabase is not null)
        {
            foreach (var table in TableCatalog.Tier1)
            {
                views.Add(new ClickHouseView(CompatibilityDatabase, CompatibilityViewNames[table.Name], "compatibility", table,
                    $"SELECT {ViewColumns(table)} FROM {Qualified(table.Name)} AS {ViewAlias}"));
            }
        }

        var appLogs = TableCatalog.AppLogs;
        var from = $"SELECT {ViewColumns(appLogs)} FROM {Qualified(appLogs.Name)} AS {ViewAlias}";
        var dayList = days.Distinct().Order().ToList();
        foreach (var region in Scenario.Regions)
        {
            views.Add(new ClickHouseView(Database, RegionViewName(region), "region", appLogs, $"{from} WHERE region = {Literal(region)}"));
            foreach (var day in dayList)
            {
                views.Add(new ClickHouseView(Database, DayViewName(region, day), "day", appLogs,
                    $"{from} WHERE region = {Literal(region)} AND toYYYYMMDD(ts) = {day.ToString(CultureInfo.InvariantCulture)}"));
            }
        }

        return views;
    }

    /// <summary><see cref="IsOwnView(ClickHouseView, string)"/> for a view known only by its name: a compatibility name
    /// reads its table, any other (an index-pattern name) the app logs.</summary>
    public static bool IsOwnView(string name, string createQuery)
    {
        var compat = CompatibilityViewNames.FirstOrDefault(p => p.Value == name).Key;
        var table = compat is null ? TableCatalog.AppLogs : TableCatalog.All.First(t => t.Name == compat);
        return IsOwnView(new ClickHouseView("", name, compat is null ? "day" : "compatibility", table, ""), createQuery);
    }

    /// <summary>The table (<c>db.name</c>, unquoted) a view's definition reads, or null when it is not a plain SELECT from one.</summary>
    public static string? ViewSource(string createQuery)
    {
        var m = ViewShape().Match(createQuery ?? "");
        return m.Success ? m.Groups["source"].Value.Replace("`", "", StringComparison.Ordinal) : null;
    }

    /// <summary>True when <paramref name="createQuery"/> (the server's <c>create_table_query</c> of an existing view named
    /// as <paramref name="view"/>) is a view a FiberSqs import created: it carries <see cref="ViewAlias"/>, or it has the
    /// shape earlier versions wrote (a plain list of columns, <c>ts</c> among them, from one of the module's tables or
    /// its compatibility app-logs view). Anything else is a user's view and is never replaced or dropped.</summary>
    public static bool IsOwnView(ClickHouseView view, string createQuery)
    {
        ArgumentNullException.ThrowIfNull(view);
        var m = ViewShape().Match(createQuery ?? "");
        if (!m.Success)
        {
            return false;
        }

        if (m.Groups["alias"].Success && m.Groups["alias"].Value == ViewAlias)
        {
            return true;
        }

        var source = ViewSource(createQuery!)!;
        var table = source[(source.LastIndexOf('.') + 1)..];
        var columns = m.Groups["columns"].Value.Split(',').Select(c => c.Trim().Trim('`')).ToList();
        return (table == view.Table.Name || (view.Kind != "compatibility" && table == CompatibilityViewNames["app_logs"])) &&
               columns.All(IsIdentifier) && columns.Contains("ts");
    }

    public string RegionViewName(string region) => $"{Database}_{region}_app_logs";

    public string DayViewName(string region, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{Database}_{region}_app_logs_{day}");

    /// <summary>True for a name in <see cref="Database"/> that this module's index-pattern views use (so a stale
    /// one may be dropped): <c>&lt;db&gt;_&lt;region&gt;_app_logs</c> or <c>..._YYYYMMDD</c>.</summary>
    public bool IsIndexPatternViewName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var region in Scenario.Regions)
        {
            var prefix = RegionViewName(region);
            if (name == prefix || (name.Length == prefix.Length + 9 && name.StartsWith(prefix + "_", StringComparison.Ordinal) &&
                name[(prefix.Length + 1)..].All(char.IsAsciiDigit)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Statements that make <paramref name="view"/> hold its definition: one atomic CREATE OR REPLACE where
    /// the server has it, else DROP (TABLE, on 18.16) and CREATE.</summary>
    /// <summary>
    /// Statements that put <paramref name="view"/> in place without a moment in which it is missing. Current servers
    /// replace it in one statement. Older ones (18.16) have no CREATE OR REPLACE VIEW: the new view is built under a
    /// side name and one RENAME swaps it with the live one, whose old definition is then dropped; a kill in between
    /// leaves a queryable view (the old or the new) and side names the next import cleans up.
    /// </summary>
    /// <param name="view">The view.</param>
    /// <param name="exists">Whether the view exists now (an old server's RENAME needs to know).</param>
    public IReadOnlyList<string> CreateOrReplaceView(ClickHouseView view, bool exists)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (Dialect.HasCreateOrReplaceView)
        {
            return [$"CREATE OR REPLACE VIEW {view.FullName} AS {view.Select}"];
        }

        if (!exists)
        {
            return [$"CREATE VIEW {view.FullName} AS {view.Select}"];
        }

        var next = view.Name + NextViewSuffix;
        var previous = PreviousName(view);
        return
        [
            DropView(view.Database, next),
            DropView(view.Database, previous),
            $"CREATE VIEW {view.Database}.{next} AS {view.Select}",
            $"RENAME TABLE {view.FullName} TO {view.Database}.{previous}, {view.Database}.{next} TO {view.FullName}",
            DropView(view.Database, previous),
        ];
    }

    /// <summary>Puts back a view that an old server's interrupted swap left under its previous name.</summary>
    public static string RestoreView(ClickHouseView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return $"RENAME TABLE {view.Database}.{PreviousName(view)} TO {view.FullName}";
    }

    public string DropView(string database, string name) =>
        $"{(Dialect.HasDropView ? "DROP VIEW" : "DROP TABLE")} IF EXISTS {CheckIdentifier(database, nameof(database))}.{CheckIdentifier(name, nameof(name))}";

    /// <summary>Views in the index pattern, as <c>SHOW TABLES ... LIKE</c> (the README's last query) lists them.</summary>
    public string ShowIndexPatternViews() => $"SHOW TABLES FROM {Database} LIKE {Literal(Database + "_%_app_logs%")}";

    // ---- post-load validation ---------------------------------------------------------------------------

    private string AppLogs => Qualified(TableCatalog.AppLogs.Name);

    private static string Affected(PostLoadStory story) => "(" + string.Join(", ", story.Types.Select(Literal)) + ")";

    private static string Time(DateTime utc) =>
        $"toDateTime({Literal(utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}, 'UTC')";

    /// <summary>Requests per minute of the impacted slice (central provision/modify, <c>received</c>): median, p95, max, minutes.</summary>
    public string ImpactedSliceRequestsPerMinute(PostLoadStory story) =>
        "SELECT quantileExact(0.5)(n), quantileExact(0.95)(n), max(n), count() FROM (" +
        $"SELECT toStartOfMinute(ts) AS minute, count() AS n FROM {AppLogs} " +
        $"WHERE event = 'received' AND region = {Literal(story.SourceRegion)} AND transaction_type IN {Affected(story)} GROUP BY minute)";

    /// <summary>First and last day (YYYYMMDD) and first/last timestamp of every table, one row per table.</summary>
    public string TimeRange(IEnumerable<TableSchema> tables) =>
        string.Join(" UNION ALL ", tables.Select(t =>
            $"SELECT {Literal(t.Name)} AS t, toYYYYMMDD(min(ts)), toYYYYMMDD(max(ts)), toString(min(ts)), toString(max(ts)), count() FROM {Qualified(t.Name)}"));

    /// <summary>p95, p99 (t-digest), timeout rate and count of the impacted slice's finished transactions in the
    /// incident before the fix time, and after the fix time.</summary>
    public string FixTimeEffect(PostLoadStory story) =>
        "SELECT period, quantileTDigest(0.95)(end_to_end_latency_ms_f64), quantileTDigest(0.99)(end_to_end_latency_ms_f64), " +
        "countIf(event = 'timeout') / count(), count(), avg(end_to_end_latency_ms_f64) FROM (" +
        $"SELECT if(ts < {Time(story.FixTime)}, 'before', 'after') AS period, event, end_to_end_latency_ms_f64 FROM {AppLogs} " +
        $"WHERE event IN ('completed', 'timeout') AND region = {Literal(story.SourceRegion)} AND transaction_type IN {Affected(story)} " +
        $"AND ts >= {Time(story.Start)}) GROUP BY period ORDER BY period DESC";

    /// <summary>Per region: p95 of provision/modify end-to-end latency inside the incident window and outside it.</summary>
    public string RegionP95IncidentVsBaseline(PostLoadStory story) =>
        "SELECT region, quantileTDigestIf(0.95)(end_to_end_latency_ms_f64, inside = 1), quantileTDigestIf(0.95)(end_to_end_latency_ms_f64, inside = 0), " +
        "countIf(inside = 1), countIf(inside = 0), avgIf(end_to_end_latency_ms_f64, inside = 1), avgIf(end_to_end_latency_ms_f64, inside = 0) FROM (" +
        $"SELECT region, end_to_end_latency_ms_f64, (ts >= {Time(story.Start)} AND ts < {Time(story.End)}) AS inside FROM {AppLogs} " +
        $"WHERE event IN ('completed', 'timeout') AND transaction_type IN {Affected(story)}) GROUP BY region ORDER BY region";

    /// <summary>Central→east circuits by mean RTT inside the incident window over mean RTT outside it, highest first.</summary>
    public string CircuitRttUplift(PostLoadStory story) =>
        "SELECT circuit_id, avgIf(rtt_ms, inside = 1) / avgIf(rtt_ms, inside = 0) AS uplift, avgIf(rtt_ms, inside = 1), avgIf(rtt_ms, inside = 0) FROM (" +
        $"SELECT circuit_id, rtt_ms, (ts >= {Time(story.Start)} AND ts < {Time(story.End)}) AS inside " +
        $"FROM {Qualified(TableCatalog.NetworkCircuitMetrics.Name)} " +
        $"WHERE src_region = {Literal(story.SourceRegion)} AND dst_region = {Literal(story.DestinationRegion)}) " +
        "GROUP BY circuit_id ORDER BY uplift DESC, circuit_id";

    // The original's post-load report (fix_verification, incident_p95_multiplier, top_central_to_east_circuit_uplift),
    // with its definitions: the impacted slice over the whole week before and after the fix time; per region, p95
    // before the incident against inside it; central→east circuits by p95 RTT before the incident against inside it.

    /// <summary>The impacted slice's finished transactions before and after the fix time: period (post_fix, pre_fix),
    /// p95, p99, timeout rate (4 decimals), count.</summary>
    public string FixVerification(PostLoadStory story) =>
        "SELECT period, quantileTDigest(0.95)(end_to_end_latency_ms_f64), quantileTDigest(0.99)(end_to_end_latency_ms_f64), " +
        "round(countIf(event = 'timeout') / count(), 4), count() FROM (" +
        $"SELECT if(ts < {Time(story.FixTime)}, 'pre_fix', 'post_fix') AS period, event, end_to_end_latency_ms_f64 FROM {AppLogs} " +
        $"WHERE event IN ('completed', 'timeout') AND region = {Literal(story.SourceRegion)} AND transaction_type IN {Affected(story)}) " +
        "GROUP BY period ORDER BY period";

    /// <summary>Per region: provision/modify p95 before the incident, inside it, and their ratio (2 decimals).</summary>
    public string IncidentP95Multiplier(PostLoadStory story) =>
        "SELECT region, b, i, round(if(b = 0, 0, i / b), 2) FROM (SELECT region, " +
        $"quantileTDigestIf(0.95)(end_to_end_latency_ms_f64, ts < {Time(story.Start)}) AS b, " +
        $"quantileTDigestIf(0.95)(end_to_end_latency_ms_f64, ts >= {Time(story.Start)} AND ts < {Time(story.End)}) AS i " +
        $"FROM {AppLogs} WHERE event IN ('completed', 'timeout') AND transaction_type IN {Affected(story)} GROUP BY region) ORDER BY region";

    /// <summary>The five central→east circuits with the highest p95 RTT uplift: circuit, source, destination, p95 before
    /// the incident, inside it, ratio (2 decimals).</summary>
    public string TopCircuitP95Uplift(PostLoadStory story) =>
        "SELECT circuit_id, s, d, b, i, round(if(b = 0, 0, i / b), 2) AS m FROM (SELECT circuit_id, any(src_region) AS s, any(dst_region) AS d, " +
        $"quantileTDigestIf(0.95)(rtt_ms, ts < {Time(story.Start)}) AS b, " +
        $"quantileTDigestIf(0.95)(rtt_ms, ts >= {Time(story.Start)} AND ts < {Time(story.End)}) AS i " +
        $"FROM {Qualified(TableCatalog.NetworkCircuitMetrics.Name)} " +
        $"WHERE src_region = {Literal(story.SourceRegion)} AND dst_region = {Literal(story.DestinationRegion)} GROUP BY circuit_id) " +
        "ORDER BY m DESC, circuit_id LIMIT 5";

    /// <summary>App-log rows per region, through the table.</summary>
    public string AppLogRowsPerRegion() => $"SELECT region, count() FROM {AppLogs} GROUP BY region ORDER BY region";

    /// <summary>Rows per region through the region index-pattern views (so the views are exercised, not just listed).</summary>
    public string RowsThroughRegionViews() =>
        string.Join(" UNION ALL ", Scenario.Regions.Select(r => $"SELECT {Literal(r)}, count() FROM {Qualified(RegionViewName(r))}"));

    /// <summary>Rows through every per-day view of one region, summed.</summary>
    public string RowsThroughDayViews(string region, IEnumerable<int> days) =>
        "SELECT sum(n) FROM (" + string.Join(" UNION ALL ", days.Select(d => $"SELECT count() AS n FROM {Qualified(DayViewName(region, d))}")) + ")";

    /// <summary>Transactions that have a <c>received</c> app-log row, to compare with txn_facts.</summary>
    public string ReceivedTransactions() => $"SELECT uniqExact(transaction_id) FROM {AppLogs} WHERE event = 'received'";

    /// <summary>the README's confusion-matrix query (TSO calls joined to the transactions their id names in the app
    /// logs): FN missing, FP nonexistent, wrong link, TP, total. A CTE where the server has them, else the same
    /// subquery inline; <c>log_customer_id</c> is Nullable, so an unmatched call counts as a false positive.</summary>
    public string TsoConfusionMatrix()
    {
        // Only the log rows of transactions the calls name can join: filtering on them first keeps the right side to a
        // few thousand rows instead of every received transaction (12 s against 1 s at the full default on 18.16).
        var logTxn = $"SELECT transaction_id, any(customer_id) AS log_customer_id FROM {AppLogs} WHERE event = 'received' " +
                     $"AND transaction_id IN (SELECT transaction_id FROM {Qualified(TableCatalog.TsoCalls.Name)}) GROUP BY transaction_id";
        var select =
            "SELECT countIf(t.transaction_id = '') AS fn_missing_txn_id, " +
            "countIf(t.transaction_id != '' AND l.log_customer_id IS NULL) AS fp_nonexistent_txn_id, " +
            "countIf(t.transaction_id != '' AND l.log_customer_id IS NOT NULL AND t.customer_id != l.log_customer_id) AS wrong_link, " +
            "countIf(t.transaction_id != '' AND l.log_customer_id IS NOT NULL AND t.customer_id = l.log_customer_id) AS tp, " +
            "count() AS total " +
            $"FROM {Qualified(TableCatalog.TsoCalls.Name)} t LEFT JOIN ";
        return Dialect.HasCommonTableExpressions
            ? $"WITH log_txn AS ({logTxn}) {select}log_txn l USING (transaction_id)"
            : $"{select}({logTxn}) l USING (transaction_id)";
    }

    /// <summary>A single-quoted SQL string literal.</summary>
    public static string Literal(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }


    /// <summary><c>... AS SELECT &lt;columns&gt; FROM &lt;source&gt; [AS &lt;alias&gt;] ...</c> of a view's definition.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\bAS\s+SELECT\s+(?<columns>.+?)\s+FROM\s+(?<source>[`\w.]+)(\s+AS\s+`?(?<alias>\w+)`?)?",
        System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ViewShape();
}
