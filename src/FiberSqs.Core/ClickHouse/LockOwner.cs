using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace FiberSqs.Core.ClickHouse;

/// <summary>Who holds an import lock, as its definition records it: <c>token=..;host=..;pid=..;started=..</c>.</summary>
internal sealed record LockOwner(string Token, string Host, int Pid, string Started)
{
    public static LockOwner Current(string token)
    {
        using var self = Process.GetCurrentProcess();
        return new LockOwner(token, Plain(Environment.MachineName), Environment.ProcessId, Plain(StartOf(self)));
    }

    public bool IsLocal => Host == Plain(Environment.MachineName);

    public bool IsThisProcess => IsLocal && Pid == Environment.ProcessId;

    /// <summary>The holder, a process of this machine, no longer runs (or its id is another process's now).</summary>
    public bool IsLocalProcessGone
    {
        get
        {
            try
            {
                using var process = Process.GetProcessById(Pid);
                return Plain(StartOf(process)) != Started;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }
    }

    /// <summary>Reads a column default as 18.16 and current servers show it: the quoted literal.</summary>
    public static LockOwner? Parse(string defaultExpression)
    {
        var text = defaultExpression.Trim().Trim('\'');
        var fields = text.Split(';').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
        return fields.TryGetValue("token", out var token) && fields.TryGetValue("pid", out var pid) &&
               int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new LockOwner(token, fields.GetValueOrDefault("host", ""), id, fields.GetValueOrDefault("started", ""))
            : null;
    }

    public override string ToString() => $"token={Token};host={Host};pid={Pid.ToString(CultureInfo.InvariantCulture)};started={Started}";

    private static string StartOf(Process process)
    {
        try
        {
            return process.StartTime.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return "";
        }
    }

    /// <summary>Only characters that need no quoting in the owner text (a host name may hold anything).</summary>
    private static string Plain(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' ? c : '_');
        }

        return sb.ToString();
    }
}
