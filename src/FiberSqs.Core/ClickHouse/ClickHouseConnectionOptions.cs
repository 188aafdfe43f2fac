namespace FiberSqs.Core.ClickHouse;

/// <summary>How a <see cref="ClickHouseConnection"/> waits and what it may send.</summary>
internal sealed record ClickHouseConnectionOptions
{
    /// <summary>As Invoke-WebRequest's -TimeoutSec.</summary>
    public const int DefaultTimeoutSeconds = 100;

    /// <summary>Longest any wait for the server may take: connecting, a reply, or a request body the server stops
    /// reading (an upload is bounded by its silences, not its length).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(DefaultTimeoutSeconds);

    /// <summary>Send a password over plain http to a host that is not this machine (PowerShell's
    /// -AllowUnencryptedAuthentication). Off: such a connection is refused before anything is sent.</summary>
    public bool AllowUnencryptedAuthentication { get; init; }

    /// <summary>Largest reply body read; the module's queries return a few kilobytes.</summary>
    public int MaxReplyBytes { get; init; } = 16 << 20;
}
