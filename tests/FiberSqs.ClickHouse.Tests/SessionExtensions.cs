using FiberSqs.Core.ClickHouse;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>Synchronous helpers for test bodies.</summary>
internal static class SessionExtensions
{
    public static void Exec(this IClickHouseSession session, string sql) => session.ExecuteAsync(sql).GetAwaiter().GetResult();

    public static IReadOnlyList<string[]> Rows(this IClickHouseSession session, string sql) => session.QueryAsync(sql).GetAwaiter().GetResult();

    public static long Scalar(this IClickHouseSession session, string sql) => TabSeparated.ParseInt64(session.Rows(sql)[0][0]);

    public static ClickHouseConnection Open(ClickHouseEndpoint endpoint, System.Net.NetworkCredential? credential = null) =>
        ClickHouseConnection.OpenAsync(endpoint, credential).GetAwaiter().GetResult();
}

/// <summary>Reports on the reporting thread (Progress&lt;T&gt; posts to the thread pool and may arrive late).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
