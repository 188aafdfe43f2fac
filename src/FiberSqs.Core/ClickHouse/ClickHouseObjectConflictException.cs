namespace FiberSqs.Core.ClickHouse;

/// <summary>An object the import would replace exists but is not one of ours (e.g. a real table named
/// <c>default.trace_spans</c> where the compatibility view goes): it is never dropped.</summary>
internal sealed class ClickHouseObjectConflictException : ClickHouseException
{
    public ClickHouseObjectConflictException() { }

    public ClickHouseObjectConflictException(string message) : base(message) { }

    public ClickHouseObjectConflictException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseObjectConflictException(string message, string url, string objectName) : base(message, url) => ObjectName = objectName;

    public string ObjectName { get; } = "";
}
