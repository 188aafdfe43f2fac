namespace FiberSqs.Core.ClickHouse;

/// <summary>A password would go over plain http to a host that is not this machine; refused unless the caller allows
/// unencrypted authentication. Nothing was sent.</summary>
internal sealed class UnencryptedAuthenticationException : ClickHouseException
{
    public UnencryptedAuthenticationException() { }

    public UnencryptedAuthenticationException(string message) : base(message) { }

    public UnencryptedAuthenticationException(string message, Exception? inner) : base(message, inner) { }

    public UnencryptedAuthenticationException(string message, string url) : base(message, url) { }
}
