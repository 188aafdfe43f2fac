using System.Diagnostics;
using System.Runtime.InteropServices;
using FiberSqs.Core.ClickHouse;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>
/// chDB, the current ClickHouse engine (26.5) in-process, behind <see cref="IClickHouseSession"/> so the importer's
/// SQL and the post-load validator run on it unchanged. libchdb.so comes from the npm package
/// @chdb/lib-linux-x64-gnu, fetched once with <c>npm pack</c> into a cache outside the repository
/// ($FIBERSQS_CHDB_CACHE, else ~/.cache/fibersqs/chdb); npm itself is installed with apt-get when missing.
/// </summary>
internal sealed unsafe class ChdbEngine : IClickHouseSession, IDisposable
{
    public const string PackageVersion = "26.5.3";
    private const string Package = "@chdb/lib-linux-x64-gnu";
    private static readonly object Gate = new();
    private static IntPtr _library;
    private static delegate* unmanaged<int, byte**, IntPtr*> _connect;
    private static delegate* unmanaged<IntPtr, byte*, byte*, IntPtr> _query;
    private static delegate* unmanaged<IntPtr, byte*> _buffer;
    private static delegate* unmanaged<IntPtr, nuint> _length;
    private static delegate* unmanaged<IntPtr, byte*> _error;
    private static delegate* unmanaged<IntPtr, void> _destroy;
    private static delegate* unmanaged<IntPtr*, void> _close;
    private IntPtr* _connection;

    public ChdbEngine()
    {
        Load();
        DataPath = Path.Combine(Path.GetTempPath(), "fibersqs-chdb-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataPath);
        var args = new[] { "clickhouse", "--path=" + DataPath };
        var handles = args.Select(a => Marshal.StringToCoTaskMemUTF8(a)).ToArray();
        try
        {
            fixed (IntPtr* argv = handles)
            {
                _connection = _connect(args.Length, (byte**)argv);
            }
        }
        finally
        {
            foreach (var h in handles)
            {
                Marshal.FreeCoTaskMem(h);
            }
        }

        if (_connection == null || *_connection == IntPtr.Zero)
        {
            throw new InvalidOperationException("chdb_connect failed.");
        }

        var version = Run("SELECT version()", "TSV").Trim();
        Dialect = ClickHouseDialect.For(ClickHouseVersion.Parse(version));
    }

    public string DataPath { get; }

    public ClickHouseDialect Dialect { get; }

    public string DisplayName => "chDB " + Dialect.Version;

    public Task ExecuteAsync(string sql, CancellationToken cancel = default)
    {
        Run(sql, "TSV");
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string[]>> QueryAsync(string sql, CancellationToken cancel = default) =>
        Task.FromResult(TabSeparated.Parse(Run(sql, "TSV")));

    /// <summary>Runs one statement; throws <see cref="ClickHouseQueryException"/> with ClickHouse's code on failure.</summary>
    public string Run(string sql, string format)
    {
        lock (Gate)
        {
            var q = Marshal.StringToCoTaskMemUTF8(sql);
            var f = Marshal.StringToCoTaskMemUTF8(format);
            try
            {
                var result = _query(*_connection, (byte*)q, (byte*)f);
                try
                {
                    var error = _error(result);
                    if (error != null)
                    {
                        var text = Marshal.PtrToStringUTF8((IntPtr)error) ?? "";
                        throw new ClickHouseQueryException(ClickHouseConnection.ErrorCode(text), ClickHouseConnection.ServerText(text), 0, sql, "chdb");
                    }

                    var length = (int)_length(result);
                    return length == 0 ? "" : Marshal.PtrToStringUTF8((IntPtr)_buffer(result), length);
                }
                finally
                {
                    _destroy(result);
                }
            }
            finally
            {
                Marshal.FreeCoTaskMem(q);
                Marshal.FreeCoTaskMem(f);
            }
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (_connection != null)
            {
                _close(_connection);
                _connection = null;
            }
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void Load()
    {
        lock (Gate)
        {
            if (_library != IntPtr.Zero)
            {
                return;
            }

            _library = NativeLibrary.Load(Fetch());
            _connect = (delegate* unmanaged<int, byte**, IntPtr*>)NativeLibrary.GetExport(_library, "chdb_connect");
            _query = (delegate* unmanaged<IntPtr, byte*, byte*, IntPtr>)NativeLibrary.GetExport(_library, "chdb_query");
            _buffer = (delegate* unmanaged<IntPtr, byte*>)NativeLibrary.GetExport(_library, "chdb_result_buffer");
            _length = (delegate* unmanaged<IntPtr, nuint>)NativeLibrary.GetExport(_library, "chdb_result_length");
            _error = (delegate* unmanaged<IntPtr, byte*>)NativeLibrary.GetExport(_library, "chdb_result_error");
            _destroy = (delegate* unmanaged<IntPtr, void>)NativeLibrary.GetExport(_library, "chdb_destroy_query_result");
            _close = (delegate* unmanaged<IntPtr*, void>)NativeLibrary.GetExport(_library, "chdb_close_conn");
        }
    }

    /// <summary>The cached libchdb.so, fetched with npm pack on first use.</summary>
    public static string Fetch()
    {
        var cache = Environment.GetEnvironmentVariable("FIBERSQS_CHDB_CACHE") is { Length: > 0 } c
            ? c
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "fibersqs", "chdb");
        var folder = Path.Combine(cache, PackageVersion);
        var library = Path.Combine(folder, "package", "libchdb.so");
        if (File.Exists(library))
        {
            return library;
        }

        Directory.CreateDirectory(folder);
        if (!CommandExists("npm"))
        {
            Sh("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm", folder);
        }

        Sh($"npm pack {Package}@{PackageVersion} --silent && tar xzf chdb-lib-linux-x64-gnu-{PackageVersion}.tgz && rm -f chdb-lib-linux-x64-gnu-{PackageVersion}.tgz", folder);
        return File.Exists(library) ? library : throw new FileNotFoundException("npm pack did not produce libchdb.so.", library);
    }

    private static bool CommandExists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, name)));

    private static void Sh(string command, string folder)
    {
        var psi = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command }, WorkingDirectory = folder, UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed ({p.ExitCode}): {err.GetAwaiter().GetResult()}");
        }
    }
}
