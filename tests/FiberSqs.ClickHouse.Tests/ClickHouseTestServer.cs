using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>
/// A private ClickHouse server for the tests: Debian's clickhouse-server (installed with apt-get when missing),
/// started from a copy of its config whose paths and ports point at a temp folder and free loopback ports, with
/// an extra user that has a password. Stopped (and restartable) by its own PID.
/// </summary>
public sealed class ClickHouseTestServer : IDisposable
{
    public const string PasswordUser = "fibersqs_test";
    public const string PasswordUserSecret = "Pa55-w0rd-not-in-any-message";
    private static readonly string[] ServerBinaries = ["/usr/sbin/clickhouse-server", "/usr/bin/clickhouse-server"];
    private const string SystemConfig = "/etc/clickhouse-server/config.xml";
    private Process? _process;

    public ClickHouseTestServer()
    {
        EnsureInstalled();
        Folder = Path.Combine(Path.GetTempPath(), "fibersqs-chserver-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Folder);
        // A probed free port can be taken by another process before the server binds it: then start again on others.
        for (var attempt = 1; ; attempt++)
        {
            (HttpPort, TcpPort, InterserverPort) = FreePorts();
            WriteConfig();
            try
            {
                Start();
                return;
            }
            catch (InvalidOperationException) when (attempt < 5 && PortWasTaken())
            {
                _process?.Dispose();
                _process = null;
            }
        }
    }

    public string Folder { get; }
    public int HttpPort { get; private set; }

    /// <summary>The native-protocol port: answers HTTP with "use port N for HTTP".</summary>
    public int TcpPort { get; private set; }

    public int InterserverPort { get; private set; }

    public string Url => $"http://127.0.0.1:{HttpPort}";

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (IsRunning)
        {
            return;
        }

        // exec keeps the PID: the process we hold is the server itself.
        var psi = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", $"exec {ServerBinary()} --config-file={Path.Combine(Folder, "config.xml")} >>{Path.Combine(Folder, "stdout.log")} 2>&1" },
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        _process = Process.Start(psi) ?? throw new InvalidOperationException("clickhouse-server did not start.");
        WaitForPing(TimeSpan.FromSeconds(60));
    }

    /// <summary>SIGKILL, as a crash or an OOM kill would.</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void WaitForPing(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException("clickhouse-server exited at start: " + Tail(Path.Combine(Folder, "stdout.log")) +
                    Tail(Path.Combine(Folder, "log", "err.log")));
            }

            try
            {
                if (http.GetStringAsync(new Uri(Url + "/ping")).GetAwaiter().GetResult().StartsWith("Ok.", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException($"clickhouse-server did not answer /ping within {timeout.TotalSeconds} s.");
    }

    private static string Tail(string path) => File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(10)) : "";

    private void WriteConfig()
    {
        var config = XDocument.Load(SystemConfig);
        var root = config.Root!;
        void Set(string name, string value)
        {
            var element = root.Element(name);
            if (element is null)
            {
                root.Add(new XElement(name, value));
            }
            else
            {
                element.Value = value;
            }
        }

        foreach (var name in new[] { "https_port", "tcp_port_secure", "mysql_port", "postgresql_port", "interserver_https_port", "listen_host" })
        {
            root.Elements(name).Remove();
        }

        root.Add(new XElement("listen_host", "127.0.0.1"));
        Set("http_port", HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("tcp_port", TcpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("interserver_http_port", InterserverPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Set("path", Folder + "/data/");
        Set("tmp_path", Folder + "/tmp/");
        Set("user_files_path", Folder + "/user_files/");
        Set("format_schema_path", Folder + "/format_schemas/");
        Set("users_config", Path.Combine(Folder, "users.xml"));
        // Not UTC on purpose: the import must not depend on the server's time zone.
        Set("timezone", "America/New_York");
        Set("mark_cache_size", "268435456");
        Set("uncompressed_cache_size", "268435456");
        var logger = root.Element("logger") ?? new XElement("logger");
        if (logger.Parent is null)
        {
            root.Add(logger);
        }

        logger.SetElementValue("level", "warning");
        logger.SetElementValue("log", Path.Combine(Folder, "log", "server.log"));
        logger.SetElementValue("errorlog", Path.Combine(Folder, "log", "err.log"));
        config.Save(Path.Combine(Folder, "config.xml"));

        var usersPath = Path.Combine(Path.GetDirectoryName(SystemConfig)!, "users.xml");
        var users = XDocument.Load(usersPath);
        var usersElement = users.Root!.Element("users")!;
        var template = usersElement.Element("default")!;
        var user = new XElement(template) { Name = PasswordUser };
        user.SetElementValue("password", PasswordUserSecret);
        usersElement.Add(user);
        users.Save(Path.Combine(Folder, "users.xml"));
    }

    /// <summary>Three different free loopback ports (the listeners are held together, so they cannot repeat).</summary>
    private static (int Http, int Tcp, int Interserver) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    /// <summary>Whether the server that just exited could not bind a port; its logs are cleared for the next try.</summary>
    private bool PortWasTaken()
    {
        var logs = new[] { Path.Combine(Folder, "stdout.log"), Path.Combine(Folder, "log", "err.log") };
        var taken = logs.Any(l => File.Exists(l) && File.ReadAllText(l).Contains("Address already in use", StringComparison.Ordinal));
        foreach (var log in logs.Where(File.Exists))
        {
            File.Delete(log);
        }

        return taken;
    }

    private static readonly object InstallLock = new();

    private static string ServerBinary() => ServerBinaries.First(File.Exists);

    /// <summary>apt-get installs Debian's clickhouse-server when it is not there (we run as root; CI reaches the package registry).</summary>
    private static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (ServerBinaries.Any(File.Exists) && File.Exists(SystemConfig))
            {
                return;
            }

            var psi = new ProcessStartInfo("/bin/sh")
            {
                ArgumentList = { "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clickhouse-server clickhouse-client" },
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0 || !ServerBinaries.Any(File.Exists))
            {
                throw new InvalidOperationException("Installing clickhouse-server failed: " + stderr.GetAwaiter().GetResult());
            }
        }
    }
}
