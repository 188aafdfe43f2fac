namespace FiberSqs.Core.ClickHouse;

/// <summary>How Import-FiberSqsClickHouse sends the rows (docs/clickhouse.md, "The fast load").</summary>
public enum LoadFormat
{
    /// <summary>The client reads the CSVs and sends typed Native blocks, the typed columns computed as the server's
    /// DEFAULT expressions would (the default). A file with a value the client cannot give exactly the server's
    /// reading of (or a server whose number parsing it cannot reproduce) goes as CSV instead.</summary>
    Native,

    /// <summary>The CSV text as it is, parsed by the server (what <c>curl -T file</c> does).</summary>
    Csv,
}
