using FiberSqs.Core.Model;
using FiberSqs.Core.Safety;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// What an import will drop and create on a server, read from <c>system.tables</c> before anything changes. The
/// same plan drives -WhatIf and the real run, so what -WhatIf lists is what happens. Only the objects of
/// docs/clickhouse.md (and this module's own staging names) ever appear in it; a table or a view under one of those names
/// that a FiberSqs import did not create makes the plan refuse (<see cref="ClickHouseObjectConflictException"/>).
/// </summary>
internal sealed class ImportPlan
{
    private ImportPlan(ClickHouseSql sql, bool databaseExists, IReadOnlyDictionary<string, ExistingObject> existing,
        ImportDataset dataset, IReadOnlyList<ClickHouseView> views, string token, LoadFormat format)
    {
        Dataset = dataset;
        Format = format;
        Sql = sql;
        DatabaseExists = databaseExists;
        Existing = existing;
        Files = dataset.Files;
        Views = views;
        Token = token;
    }

    /// <summary>How the rows are sent (a Native load first reads the server's number parsing with a probe table).</summary>
    public LoadFormat Format { get; }

    /// <summary>The probe table of a Native load (<see cref="NativeLoad.NumberParsingProbe"/>).</summary>
    public string ProbeName => ClickHouseSql.ProbeName(Token);

    /// <summary>The dataset this plan loads.</summary>
    public ImportDataset Dataset { get; }

    public ClickHouseSql Sql { get; }

    public bool DatabaseExists { get; }

    /// <summary>Objects in the target and compatibility databases before the import: database.name → engine and definition.</summary>
    public IReadOnlyDictionary<string, ExistingObject> Existing { get; }

    public IReadOnlyList<ImportFile> Files { get; }

    /// <summary>The views the import expects to create (per-day views for the days of the window the dataset's time
    /// range covers; the real run creates them for the days its data has).</summary>
    public IReadOnlyList<ClickHouseView> Views { get; }

    /// <summary>The import's token: its staging tables and its lock carry it.</summary>
    public string Token { get; }

    /// <summary>Every drop and create, in order.</summary>
    public IReadOnlyList<PlannedAction> Actions { get; private set; } = [];

    /// <summary>Staging tables of earlier imports in the target database (their loads were interrupted).</summary>
    public IReadOnlyList<string> LeftoverStaging => [.. Existing.Keys
        .Where(k => k.StartsWith(Sql.Database + ".", StringComparison.Ordinal) && ClickHouseSql.IsStagingName(k[(Sql.Database.Length + 1)..]))
        .Select(k => k[(Sql.Database.Length + 1)..]).Order(StringComparer.Ordinal)];

    public string StagingName(TableSchema table) => ClickHouseSql.StagingName(table, Token);

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

    private const string CreateDatabaseAction = "Create database";

    /// <summary>Reads the server's objects and works out the plan. Throws <see cref="ClickHouseObjectConflictException"/>
    /// when a name the import must use is taken by something that is not ours to replace.</summary>
    /// <param name="session">The server.</param>
    /// <param name="dataset">The dataset to load.</param>
    /// <param name="options">Its database and whether the compatibility views are written.</param>
    /// <param name="token">The import's token (staging names).</param>
    /// <param name="cancel">Stops the reading.</param>
    public static async Task<ImportPlan> CreateAsync(IClickHouseSession session, ImportDataset dataset, ImportOptions options, string token,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        var database = ClickHouseSql.CheckIdentifier(options.Database, nameof(options));
        if (ClickHouseSql.IsReservedDatabase(database))
        {
            throw new ArgumentException(ReservedDatabaseMessage(database), nameof(options));
        }

        var databases = (await session.QueryAsync(ClickHouseSql.ListDatabases(), cancel).ConfigureAwait(false)).Select(r => r[0]).ToHashSet();
        var compat = databases.Contains("logs") ? "logs" : "default";
        var sql = new ClickHouseSql(session.Dialect, database, options.WritesCompatibilityViews ? compat : null);
        var existing = (await session.QueryAsync(ClickHouseSql.ListObjects([database, compat]), cancel).ConfigureAwait(false))
            .ToDictionary(r => r[0] + "." + r[1], r => new ExistingObject(r[2], r.Length > 3 ? r[3] : ""));
        var plan = new ImportPlan(sql, databases.Contains(database), existing, dataset, sql.Views(dataset.WindowDays()), token, options.Format);

        // Every view this import could create (a day view for each day of the window, whatever the data turns out to
        // hold) must be free or ours.
        foreach (var view in sql.Views(ImportDataset.DaysBetween(Scenario.WindowStart, Scenario.WindowEnd)))
        {
            if (existing.TryGetValue(view.FullName, out var found) && (found.Engine != "View" || !ClickHouseSql.IsOwnView(view, found.CreateQuery)))
            {
                var what = found.Engine == "View" ? "a view that no FiberSqs import created" : $"a {found.Engine} table, not a view";
                throw new ClickHouseObjectConflictException(
                    $"{view.FullName} exists and is {what}; the import would need that name for a {view.Kind} view and never replaces what it did not create.",
                    session.DisplayName, view.FullName);
            }
        }

        await CheckTablesAreOursAsync(session, plan, cancel).ConfigureAwait(false);
        plan.Actions = plan.ListActions();
        return plan;
    }

    /// <summary>The same plan read again (same dataset, token and options): what is on the server now. The importer reads
    /// it under the database's lock, since another import may have changed the objects since this plan was approved.</summary>
    public Task<ImportPlan> RereadAsync(IClickHouseSession session, ImportOptions options, CancellationToken cancel = default) =>
        CreateAsync(session, Dataset, options, Token, cancel);

    /// <summary>The first action on which <paramref name="other"/> differs from this plan, or null when they agree.</summary>
    public string? FirstDifference(ImportPlan other)
    {
        ArgumentNullException.ThrowIfNull(other);
        // The importer creates the database itself before it reads the plan again: that action is not a difference.
        var mine = Actions.Where(a => a.Action != CreateDatabaseAction).ToList();
        var theirs = other.Actions.Where(a => a.Action != CreateDatabaseAction).ToList();
        for (var i = 0; i < Math.Max(mine.Count, theirs.Count); i++)
        {
            var a = i < mine.Count ? mine[i] : null;
            var b = i < theirs.Count ? theirs[i] : null;
            if (a?.Action != b?.Action || a?.ObjectName != b?.ObjectName)
            {
                return b is null ? $"no longer: {a!.Action} {a.ObjectName}" : $"now: {b.Action} {b.ObjectName}";
            }
        }

        return null;
    }

    /// <summary>Why a database is refused (docs/safety.md): never advice to drop a database.</summary>
    public static string ReservedDatabaseMessage(string database) =>
        $"The tables cannot go into database '{UntrustedText.Escape(database, 120)}': " +
        (database.Equals("logs", StringComparison.OrdinalIgnoreCase) || database.Equals("default", StringComparison.OrdinalIgnoreCase)
            ? "it is where the compatibility views (fibersqs_app_logs, trace_spans, tso_calls, ...) go, and they share the tables' names"
            : "it is the server's own") + ". Nothing was changed.";

    private List<PlannedAction> ListActions()
    {
        var actions = new List<PlannedAction>();
        var database = Sql.Database;
        if (!DatabaseExists)
        {
            actions.Add(new PlannedAction(CreateDatabaseAction, database, "holds the tables and index-pattern views"));
        }

        foreach (var name in LeftoverStaging)
        {
            actions.Add(new PlannedAction("Drop table", Sql.Qualified(name), "leftover of an interrupted import (unless its INSERT still runs)"));
        }

        foreach (var table in TableCatalog.All.Where(t => Exists(database, ClickHouseSql.PreviousName(t))))
        {
            actions.Add(Exists(database, table.Name)
                ? new PlannedAction("Drop table", Sql.Qualified(ClickHouseSql.PreviousName(table)), "leftover of an interrupted swap")
                : new PlannedAction("Rename table", Sql.Qualified(ClickHouseSql.PreviousName(table)) + " to " + table.Name,
                    "restores the previous load that an interrupted swap left aside"));
        }

        if (Format == LoadFormat.Native)
        {
            actions.Add(new PlannedAction("Create table", Sql.Qualified(ProbeName),
                "a few numbers that show how the server reads them, so the Native load gives the same values; dropped at once"));
        }

        foreach (var file in Files)
        {
            actions.Add(new PlannedAction("Create table", Sql.Qualified(StagingName(file.Table)), $"load {file.ExpectedRows:N0} rows from {Path.GetFileName(file.Path)}"));
        }

        foreach (var file in Files)
        {
            var name = Sql.Qualified(file.Table.Name);
            actions.Add(HasPreviousLoad(file.Table)
                ? new PlannedAction("Replace table", name, "swapped for the new load once its row count checks; the previous load is then dropped")
                : new PlannedAction("Create table", name, "renamed from the loaded staging table"));
        }

        foreach (var table in TableCatalog.All.Where(t => Files.All(f => f.Table != t) && Exists(database, t.Name)))
        {
            actions.Add(new PlannedAction("Drop table", Sql.Qualified(table.Name), "a previous load's table that this dataset does not have (no Tier 2)"));
        }

        foreach (var view in Views.Where(IsSetAside))
        {
            actions.Add(new PlannedAction("Rename view", $"{view.Database}.{ClickHouseSql.PreviousName(view)} to {view.Name}",
                "restores the view that an interrupted view swap left aside"));
        }

        foreach (var view in Views)
        {
            actions.Add(new PlannedAction(HasView(view) ? "Replace view" : "Create view", view.FullName, view.Kind + " view"));
        }

        foreach (var stale in StaleIndexViews(Views.Select(v => v.FullName).ToHashSet()))
        {
            actions.Add(new PlannedAction("Drop view", stale, "index-pattern view of a day this dataset does not have"));
        }

        return actions;
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
            var engine = plan.Existing[database + "." + table.Name].Engine;
            var missing = table.ColumnNames.Where(c => !columns.TryGetValue(table.Name, out var have) || !have.Contains(c)).ToList();
            if (!engine.EndsWith("MergeTree", StringComparison.Ordinal) || missing.Count > 0)
            {
                var why = missing.Count > 0 ? $"it lacks the dataset's column(s) {string.Join(", ", missing.Take(5))}" : $"it is a {UntrustedText.Escape(engine, 60)}, not a MergeTree table";
                throw new ClickHouseObjectConflictException(
                    $"{database}.{table.Name} exists but was not created by a FiberSqs import ({why}); the import would replace it and never drops what it did not create.",
                    session.DisplayName, $"{database}.{table.Name}");
            }
        }
    }

    /// <summary>Index-pattern views of this module in the target database that the new load does not define (a user's
    /// view under such a name is left alone).</summary>
    internal IEnumerable<string> StaleIndexViews(IReadOnlySet<string> wanted)
    {
        var prefix = Sql.Database + ".";
        foreach (var (key, found) in Existing.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var name = key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..] : null;
            if (name is not null && found.Engine == "View" && Sql.IsIndexPatternViewName(name) && !wanted.Contains(key) &&
                ClickHouseSql.IsOwnView(new ClickHouseView(Sql.Database, name, "day", TableCatalog.AppLogs, ""), found.CreateQuery))
            {
                yield return key;
            }
        }
    }
}
