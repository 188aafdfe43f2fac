namespace FiberSqs.Core.ClickHouse;

/// <summary>The server did not answer within the connection's timeout (-TimeoutSec): a connect, a reply, or a request
/// body the server stopped reading.</summary>
internal sealed class ClickHouseTimeoutException : ClickHouseException
{
    public ClickHouseTimeoutException() { }

    public ClickHouseTimeoutException(string message) : base(message) { }

    public ClickHouseTimeoutException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseTimeoutException(string message, string url, TimeSpan timeout, Exception? inner = null) : base(message, url, inner) =>
        Timeout = timeout;

    public TimeSpan Timeout { get; }
}
