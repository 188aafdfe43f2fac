using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// Mutual exclusion of imports into one database, held on the server so that it works between machines and on
/// every version (18.16 included): a table <c>&lt;db&gt;.__fibersqs_import_lock</c> that only one <c>CREATE TABLE</c> can
/// create. Its definition carries the owner (the import's token, host, process id and start) in a column default,
/// so the owner is known from the instant the lock exists, and the owner adds a heartbeat row every two seconds.
/// A lock is stale, and is taken over with one RENAME that only one contender wins, when its owner is a process of
/// this machine that is gone, or another machine's whose heartbeat has stopped. An owner that is alive (a process of
/// this machine that runs; elsewhere, one whose heartbeat moves on while a contender watches) makes the contender
/// give up with <see cref="ClickHouseImportInProgressException"/>: of two imports started in the same instant, one loads.
/// </summary>
internal sealed class ImportLock : IAsyncDisposable
{
    public const string TableName = "__fibersqs_import_lock";

    private const int TableExists = 57;
    private static readonly TimeSpan BeatInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>A heartbeat older than this is a dead owner's.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(15);

    /// <summary>Tokens of the locks this process has released (or tried to): a lock of this process with one of them
    /// is stale at once, where one left by a server that went away would otherwise wait out its heartbeat.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Released = new();

    private readonly IClickHouseSession _session;
    private readonly string _database;
    private readonly CancellationTokenSource _stop = new();
    private Task? _beating;
    private volatile bool _lost;

    private ImportLock(IClickHouseSession session, string database, string token)
    {
        _session = session;
        _database = database;
        Token = token;
    }

    /// <summary>The owning import's token (16 hex digits; its staging tables carry it too).</summary>
    public string Token { get; }

    /// <summary>Takes the lock of <paramref name="database"/> (which must exist), taking over a stale one.</summary>
    /// <param name="session">The connection.</param>
    /// <param name="database">The import's database.</param>
    /// <param name="token">The import's token.</param>
    /// <param name="step">Told what happens (a stale lock taken over, a wait).</param>
    /// <param name="cancel">Stops the wait.</param>
    /// <exception cref="ClickHouseImportInProgressException">A live import holds it.</exception>
    public static async Task<ImportLock> AcquireAsync(IClickHouseSession session, string database, string token, Action<string> step,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(step);
        var sql = new LockSql(database);
        LockOwner? holder = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            cancel.ThrowIfCancellationRequested();
            try
            {
                await session.ExecuteAsync(sql.Create(LockOwner.Current(token)), cancel).ConfigureAwait(false);
                var held = new ImportLock(session, database, token);
                await held.BeatAsync(cancel).ConfigureAwait(false);
                held._beating = Task.Run(held.BeatLoopAsync, CancellationToken.None);
                return held;
            }
            catch (ClickHouseQueryException e) when (e.Code == TableExists)
            {
                // Held: by a live import, or by one that is gone.
            }

            holder = await ReadOwnerAsync(session, sql, cancel).ConfigureAwait(false);
            if (holder is null)
            {
                continue; // released meanwhile: try again
            }

            var why = await StaleReasonAsync(session, sql, holder, cancel).ConfigureAwait(false);
            if (why is null)
            {
                throw InProgress(session, database, holder);
            }


            step($"Taking over the import lock of {database}: {why}.");
            try
            {
                await session.ExecuteAsync(sql.SetAside(token), cancel).ConfigureAwait(false);
                await session.ExecuteAsync(sql.DropSetAside(token), cancel).ConfigureAwait(false);
            }
            catch (ClickHouseQueryException)
            {
                // Another contender set it aside first; the next round sees who holds the lock now.
            }
        }

        throw InProgress(session, database, holder);
    }

    /// <summary>Throws <see cref="ClickHouseImportInProgressException"/> when the lock is no longer this import's (a
    /// contender judged it stale: the heartbeat could not reach the server for <see cref="StaleAfter"/>). Called before
    /// the swap, the one step that must never run twice at once.</summary>
    public async Task VerifyAsync(CancellationToken cancel)
    {
        var owner = await ReadOwnerAsync(_session, new LockSql(_database), cancel).ConfigureAwait(false);
        if (_lost || owner?.Token != Token)
        {
            _lost = true;
            throw new ClickHouseImportInProgressException(
                $"Another import took over the import lock of database '{_database}' while this one was loading (this one's heartbeat had stopped " +
                "reaching the server); nothing was swapped in.", _session.DisplayName, _database);
        }
    }

    /// <summary>Stops the heartbeat and drops the lock, if it is still this import's. Quiet: a lock that cannot be
    /// dropped (the server is gone) goes stale and the next import takes it over.</summary>
    public async ValueTask DisposeAsync()
    {
        Released[Token] = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_beating is not null)
        {
            await _beating.ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            var sql = new LockSql(_database);
            if (!_lost && (await ReadOwnerAsync(_session, sql, timeout.Token).ConfigureAwait(false))?.Token == Token)
            {
                await _session.ExecuteAsync(sql.Drop(), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is ClickHouseException or OperationCanceledException or ObjectDisposedException)
        {
            // left to go stale
        }

        _stop.Dispose();
    }

    private Task BeatAsync(CancellationToken cancel) => _session.ExecuteAsync(new LockSql(_database).Beat(Token), cancel);

    private async Task BeatLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(BeatInterval, _stop.Token).ConfigureAwait(false);
                await BeatAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ClickHouseQueryException e) when (e.Code is 60 or 81)
            {
                _lost = true; // the lock table is gone: taken over
                return;
            }
            catch (Exception e) when (e is ClickHouseException or ObjectDisposedException)
            {
                // a missed beat; the next one may reach the server
            }
        }
    }

    /// <summary>Why the holder's lock is stale, or null when the holder is alive: a process of this machine that runs,
    /// or one elsewhere whose heartbeat moves on (or that releases the lock) while this one watches for up to
    /// <see cref="StaleAfter"/>.</summary>
    private static async Task<string?> StaleReasonAsync(IClickHouseSession session, LockSql sql, LockOwner holder, CancellationToken cancel)
    {
        if (holder.IsThisProcess && Released.ContainsKey(holder.Token))
        {
            return "this process's earlier import ended without reaching the server to release it";
        }

        if (holder.IsLocal)
        {
            return holder.IsLocalProcessGone ? $"process {holder.Pid} on this machine, which held it, is gone" : null;
        }

        var seen = await ReadBeatsAsync(session, sql, holder, cancel).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        while (seen is not null)
        {
            if (seen.Value.AgeSeconds > StaleAfter.TotalSeconds)
            {
                return $"its heartbeat stopped {seen.Value.AgeSeconds} s ago";
            }

            if (clock.Elapsed > StaleAfter + BeatInterval)
            {
                return $"its heartbeat did not move for {clock.Elapsed.TotalSeconds:0} s";
            }

            await Task.Delay(PollInterval, cancel).ConfigureAwait(false);
            var now = await ReadBeatsAsync(session, sql, holder, cancel).ConfigureAwait(false);
            if (now is null || now.Value.Count > seen.Value.Count)
            {
                return null;
            }

            seen = now;
        }

        return null;
    }

    private static async Task<(long Count, long AgeSeconds)?> ReadBeatsAsync(IClickHouseSession session, LockSql sql, LockOwner holder,
        CancellationToken cancel)
    {
        try
        {
            var row = (await session.QueryAsync(sql.Beats(holder.Token), cancel).ConfigureAwait(false))[0];
            var count = TabSeparated.ParseInt64(row[0]);
            return (count, TabSeparated.ParseInt64(count > 0 ? row[1] : row[2]));
        }
        catch (ClickHouseQueryException e) when (e.Code is 60 or 81)
        {
            return null;
        }
    }

    private static async Task<LockOwner?> ReadOwnerAsync(IClickHouseSession session, LockSql sql, CancellationToken cancel)
    {
        var rows = await session.QueryAsync(sql.Owner(), cancel).ConfigureAwait(false);
        return rows.Count == 0 ? null : LockOwner.Parse(rows[0][0]);
    }

    private static ClickHouseImportInProgressException InProgress(IClickHouseSession session, string database, LockOwner? holder) =>
        new($"Another import is loading into database '{database}' on this server" +
            (holder is null ? "." : $" (process {holder.Pid} on {holder.Host}, started {holder.Started}); it is alive: its heartbeat moves on."),
            session.DisplayName, database);

    /// <summary>The lock's statements.</summary>
    private sealed class LockSql(string database)
    {
        private string Table => $"{database}.{TableName}";

        public string Create(LockOwner owner) =>
            $"CREATE TABLE {Table} (beat DateTime DEFAULT now(), token String, owner String DEFAULT {ClickHouseSql.Literal(owner.ToString())}) ENGINE = Log";

        public string Beat(string token) => $"INSERT INTO {Table} (token) VALUES ({ClickHouseSql.Literal(token)})";

        public string Owner() =>
            $"SELECT default_expression FROM system.columns WHERE database = {ClickHouseSql.Literal(database)} AND table = '{TableName}' AND name = 'owner'";

        /// <summary>Heartbeats of <paramref name="token"/>, seconds since the last one, and since the lock was created (server clock).</summary>
        public string Beats(string token) =>
            $"SELECT (SELECT count() FROM {Table} WHERE token = {ClickHouseSql.Literal(token)}), " +
            $"(SELECT toInt64(now()) - toInt64(max(beat)) FROM {Table} WHERE token = {ClickHouseSql.Literal(token)}), " +
            $"(SELECT toInt64(now()) - toInt64(any(metadata_modification_time)) FROM system.tables WHERE database = {ClickHouseSql.Literal(database)} AND name = '{TableName}')";

        public string SetAside(string token) => $"RENAME TABLE {Table} TO {database}.{TableName}_stale_{token}";

        public string DropSetAside(string token) => $"DROP TABLE IF EXISTS {database}.{TableName}_stale_{token}";

        public string Drop() => $"DROP TABLE IF EXISTS {Table}";
    }
}
