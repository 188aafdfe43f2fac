using FiberSqs.Core.Tables;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// What an import will drop and create on a server, read from <c>system.tables</c> before anything changes. The
/// same plan drives -WhatIf and the real run, so what -WhatIf lists is what happens. Only objects of SPEC
/// section 5 (and this module's own staging names) ever appear in it.
/// </summary>
public sealed class ImportPlan
{
    internal ImportPlan(ClickHouseSql sql, bool databaseExists, IReadOnlyDictionary<string, string> existing,
        IReadOnlyList<ImportFile> files, IReadOnlyList<ClickHouseView> views, IReadOnlyList<PlannedAction> actions)
    {
        Sql = sql;
        DatabaseExists = databaseExists;
        Existing = existing;
        Files = files;
        Views = views;
        Actions = actions;
    }

    public ClickHouseSql Sql { get; }

    public bool DatabaseExists { get; }

    /// <summary>Objects in the target and compatibility databases before the import: database.name → engine.</summary>
    public IReadOnlyDictionary<string, string> Existing { get; }

    public IReadOnlyList<ImportFile> Files { get; }

    /// <summary>The views the import will create (per-day views as the dataset's time range predicts).</summary>
    public IReadOnlyList<ClickHouseView> Views { get; }

    /// <summary>Every drop and create, in order.</summary>
    public IReadOnlyList<PlannedAction> Actions { get; }

    internal bool Exists(string database, string name) => Existing.ContainsKey(database + "." + name);

    /// <summary>A previous load of the table is there: under its name, or under its previous name where an interrupted
    /// swap left it (leftover cleaning renames it back before the load).</summary>
    internal bool HasPreviousLoad(TableSchema table) =>
        Exists(Sql.Database, table.Name) || Exists(Sql.Database, ClickHouseSql.PreviousName(table));

    /// <summary>The view is there, live or set aside by an interrupted swap (and then renamed back first).</summary>
    internal bool HasView(ClickHouseView view) => Exists(view.Database, view.Name) || Exists(view.Database, ClickHouseSql.PreviousName(view));

    /// <summary>Only the previous name is there: an interrupted swap set the table aside.</summary>
    internal bool IsSetAside(TableSchema table) =>
        Exists(Sql.Database, ClickHouseSql.PreviousName(table)) && !Exists(Sql.Database, table.Name);

    /// <summary>Only the previous name is there: an interrupted view swap (old servers) set the view aside.</summary>
    internal bool IsSetAside(ClickHouseView view) => Exists(view.Database, ClickHouseSql.PreviousName(view)) && !Exists(view.Database, view.Name);

    internal bool IsView(string database, string name) => Existing.TryGetValue(database + "." + name, out var e) && e == "View";

    /// <summary>Reads the server's objects and works out the plan. Throws <see cref="ClickHouseObjectConflictException"/>
    /// when a name the import must use is taken by something that is not ours to replace.</summary>
    public static async Task<ImportPlan> CreateAsync(IClickHouseSession session, ImportDataset dataset, string database,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(dataset);
        ClickHouseSql.CheckIdentifier(database, nameof(database));
        var databases = (await session.QueryAsync(ClickHouseSql.ListDatabases(), cancel).ConfigureAwait(false)).Select(r => r[0]).ToHashSet();
        var compat = databases.Contains("logs") ? "logs" : "default";
        if (database == compat || database is "system" or "INFORMATION_SCHEMA" or "information_schema")
        {
            throw new ClickHouseObjectConflictException(
                $"The tables cannot go into database '{database}': {(database == compat ? "it receives the compatibility views (trace_spans, tso_calls, ...), whose names the tables share" : "it is the server's own")}. " +
                "Choose another -Database (fibersqs_prod by default).", session.DisplayName, database);
        }

        var sql = new ClickHouseSql(session.Dialect, database, compat);
        // Its staging tables would look like leftovers to clean up: dropping them under a running load could swap
        // in a half-loaded table. Refuse instead (two imports starting in the same instant are not caught).
        var running = TabSeparated.ParseInt64((await session.QueryAsync(sql.RunningStagingInserts(), cancel).ConfigureAwait(false))[0][0]);
        if (running > 0)
        {
            throw new ClickHouseImportInProgressException(
                $"Another import is loading into database '{database}' on this server ({running} INSERT(s) into its staging tables are running).",
                session.DisplayName, database);
        }

        var existing = (await session.QueryAsync(ClickHouseSql.ListObjects([database, compat]), cancel).ConfigureAwait(false))
            .ToDictionary(r => r[0] + "." + r[1], r => r[2]);
        var views = sql.Views(dataset.WindowDays());
        var actions = new List<PlannedAction>();
        var plan = new ImportPlan(sql, databases.Contains(database), existing, dataset.Files, views, actions);

        foreach (var view in views.Where(v => plan.Exists(v.Database, v.Name) && !plan.IsView(v.Database, v.Name)))
        {
            throw new ClickHouseObjectConflictException(
                $"{view.FullName} exists and is a {existing[view.Database + "." + view.Name]} table, not a view; the import would need that name for a " +
                $"{view.Kind} view and never drops what it did not create.", session.DisplayName, view.FullName);
        }

        await CheckTablesAreOursAsync(session, plan, cancel).ConfigureAwait(false);

        if (!plan.DatabaseExists)
        {
            actions.Add(new PlannedAction("Create database", database, "holds the tables and index-pattern views"));
        }

        foreach (var table in TableCatalog.All)
        {
            if (plan.Exists(database, ClickHouseSql.StagingName(table)))
            {
                actions.Add(new PlannedAction("Drop table", sql.Qualified(ClickHouseSql.StagingName(table)), "leftover of an interrupted import"));
            }

            if (plan.Exists(database, ClickHouseSql.PreviousName(table)))
            {
                actions.Add(plan.Exists(database, table.Name)
                    ? new PlannedAction("Drop table", sql.Qualified(ClickHouseSql.PreviousName(table)), "leftover of an interrupted swap")
                    : new PlannedAction("Rename table", sql.Qualified(ClickHouseSql.PreviousName(table)) + " to " + table.Name,
                        "restores the previous load that an interrupted swap left aside"));
            }
        }

        foreach (var file in dataset.Files)
        {
            var staging = sql.Qualified(ClickHouseSql.StagingName(file.Table));
            actions.Add(new PlannedAction("Create table", staging, $"load {file.ExpectedRows:N0} rows from {Path.GetFileName(file.Path)}"));
        }

        foreach (var file in dataset.Files)
        {
            var name = sql.Qualified(file.Table.Name);
            actions.Add(plan.HasPreviousLoad(file.Table)
                ? new PlannedAction("Replace table", name, "swapped for the new load once its row count checks; the previous load is then dropped")
                : new PlannedAction("Create table", name, "renamed from the loaded staging table"));
        }

        foreach (var table in TableCatalog.All.Where(t => dataset.Files.All(f => f.Table != t) && plan.Exists(database, t.Name)))
        {
            actions.Add(new PlannedAction("Drop table", sql.Qualified(table.Name), "a previous load's table that this dataset does not have (no Tier 2)"));
        }

        foreach (var view in views.Where(plan.IsSetAside))
        {
            actions.Add(new PlannedAction("Rename view", $"{view.Database}.{ClickHouseSql.PreviousName(view)} to {view.Name}",
                "restores the view that an interrupted view swap left aside"));
        }

        foreach (var view in views)
        {
            actions.Add(new PlannedAction(plan.HasView(view) ? "Replace view" : "Create view", view.FullName, view.Kind + " view"));
        }

        foreach (var stale in plan.StaleIndexViews(views.Select(v => v.FullName).ToHashSet()))
        {
            actions.Add(new PlannedAction("Drop view", stale, "index-pattern view of a day this dataset does not have"));
        }

        return plan;
    }

    /// <summary>A table under one of our names that a FiberSqs import did not create (not a MergeTree, or without the
    /// dataset's columns) is someone else's: refuse rather than replace or drop it.</summary>
    private static async Task CheckTablesAreOursAsync(IClickHouseSession session, ImportPlan plan, CancellationToken cancel)
    {
        var database = plan.Sql.Database;
        var taken = TableCatalog.All.Where(t => plan.Exists(database, t.Name)).ToList();
        if (taken.Count == 0)
        {
            return;
        }

        var columns = (await session.QueryAsync(ClickHouseSql.ListColumns(database, taken.Select(t => t.Name)), cancel).ConfigureAwait(false))
            .GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Select(r => r[1]).ToHashSet(StringComparer.Ordinal));
        foreach (var table in taken)
        {
            var engine = plan.Existing[database + "." + table.Name];
            var missing = table.ColumnNames.Where(c => !columns.TryGetValue(table.Name, out var have) || !have.Contains(c)).ToList();
            if (!engine.EndsWith("MergeTree", StringComparison.Ordinal) || missing.Count > 0)
            {
                var why = missing.Count > 0 ? $"it lacks the dataset's column(s) {string.Join(", ", missing.Take(5))}" : $"it is a {engine}, not a MergeTree table";
                throw new ClickHouseObjectConflictException(
                    $"{database}.{table.Name} exists but was not created by a FiberSqs import ({why}); the import would replace it and never drops what it did not create.",
                    session.DisplayName, $"{database}.{table.Name}");
            }
        }
    }

    /// <summary>Index-pattern views in the target database that the new load does not define.</summary>
    internal IEnumerable<string> StaleIndexViews(IReadOnlySet<string> wanted) =>
        Existing.Where(e => e.Value == "View" && e.Key.StartsWith(Sql.Database + ".", StringComparison.Ordinal) &&
                            Sql.IsIndexPatternViewName(e.Key[(Sql.Database.Length + 1)..]) && !wanted.Contains(e.Key))
            .Select(e => e.Key).Order(StringComparer.Ordinal);
}
