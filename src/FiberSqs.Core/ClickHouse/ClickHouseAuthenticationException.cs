namespace FiberSqs.Core.ClickHouse;

/// <summary>HTTP 401/403 or a ClickHouse authentication error (unknown user, wrong or required password).</summary>
internal sealed class ClickHouseAuthenticationException : ClickHouseException
{
    public ClickHouseAuthenticationException() { }

    public ClickHouseAuthenticationException(string message) : base(message) { }

    public ClickHouseAuthenticationException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseAuthenticationException(string message, string url, int code) : base(message, url) => Code = code;

    /// <summary>The ClickHouse error code (192 unknown user, 193 wrong password, 516 authentication failed ...), or 0.</summary>
    public int Code { get; }
}
