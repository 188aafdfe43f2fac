namespace FiberSqs.Core.ClickHouse;

/// <summary>Another import is loading into the same database (its staging INSERTs are running on the server).</summary>
internal sealed class ClickHouseImportInProgressException : ClickHouseException
{
    public ClickHouseImportInProgressException() { }

    public ClickHouseImportInProgressException(string message) : base(message) { }

    public ClickHouseImportInProgressException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseImportInProgressException(string message, string url, string database) : base(message, url) => Database = database;

    public string Database { get; } = "";
}
