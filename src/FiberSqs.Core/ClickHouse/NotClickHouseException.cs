namespace FiberSqs.Core.ClickHouse;

/// <summary>Something answered, but not a ClickHouse HTTP interface (wrong port, a proxy page, the native port).</summary>
internal sealed class NotClickHouseException : ClickHouseException
{
    public NotClickHouseException() { }

    public NotClickHouseException(string message) : base(message) { }

    public NotClickHouseException(string message, Exception? inner) : base(message, inner) { }

    public NotClickHouseException(string message, string url, Exception? inner = null) : base(message, url, inner) { }
}
