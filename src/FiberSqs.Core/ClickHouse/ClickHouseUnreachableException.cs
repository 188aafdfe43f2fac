namespace FiberSqs.Core.ClickHouse;

/// <summary>No HTTP answer: connection refused, DNS failure, timeout or a connection dropped mid-request.</summary>
internal sealed class ClickHouseUnreachableException : ClickHouseException
{
    public ClickHouseUnreachableException() { }

    public ClickHouseUnreachableException(string message) : base(message) { }

    public ClickHouseUnreachableException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseUnreachableException(string message, string url, Exception? inner = null) : base(message, url, inner) { }
}
