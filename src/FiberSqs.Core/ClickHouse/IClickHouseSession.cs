namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// Something that runs ClickHouse SQL: the HTTP <see cref="ClickHouseConnection"/> for a server, or the tests'
/// in-process chDB engine. The schema, view and validation SQL (from <see cref="ClickHouseSql"/>) runs through
/// this interface, so every engine runs the same statements.
/// </summary>
internal interface IClickHouseSession
{
    /// <summary>The dialect chosen from the engine's <c>SELECT version()</c>.</summary>
    ClickHouseDialect Dialect { get; }

    /// <summary>A name to show (the sanitized URL, or "chDB").</summary>
    string DisplayName { get; }

    /// <summary>Runs a statement that returns no rows (DDL, RENAME, DROP).</summary>
    Task ExecuteAsync(string sql, CancellationToken cancel = default);

    /// <summary>Runs a SELECT and returns its rows, each field unescaped from TabSeparated.</summary>
    Task<IReadOnlyList<string[]>> QueryAsync(string sql, CancellationToken cancel = default);
}
