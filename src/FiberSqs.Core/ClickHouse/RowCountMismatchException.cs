namespace FiberSqs.Core.ClickHouse;

/// <summary>Rows that reached a staging table differ from ground_truth.json: nothing was swapped in.</summary>
internal sealed class RowCountMismatchException : Exception
{
    public RowCountMismatchException() { }

    public RowCountMismatchException(string message) : base(message) { }

    public RowCountMismatchException(string message, Exception? inner) : base(message, inner) { }

    public RowCountMismatchException(string message, string table, long expected, long loaded) : base(message)
    {
        Table = table;
        Expected = expected;
        Loaded = loaded;
    }

    public string Table { get; } = "";
    public long Expected { get; }
    public long Loaded { get; }
}
