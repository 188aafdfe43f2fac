using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation;

/// <summary>One table's file as read: the chunks' findings added up, with line numbers made absolute (line 1 is
/// the header), and the chunks' collectors merged in file order.</summary>
internal sealed class TableResult : ScanCounts
{
    public TableResult(TableSchema table, string path)
    {
        Table = table;
        Path = path;
    }

    public TableSchema Table { get; }
    public string Path { get; }
    public bool Exists { get; set; }
    public long Bytes { get; set; }
    public bool EndsWithNewline { get; set; }
    public string[]? Header { get; private set; }
    public bool HeaderOk => Header is not null && Header.SequenceEqual(Table.ColumnNames);
    public long? FirstProblemLine { get; private set; }
    public string? FirstProblem { get; private set; }
    public long? FirstOutsideLine { get; private set; }
    public string? FirstOutside { get; private set; }
    public string? Error { get; set; }
    public TableCollector? Collector { get; private set; }

    /// <summary>The file exists and was read to its end.</summary>
    public bool Readable => Exists && Error is null;

    /// <summary>Adds the chunks (in file order).</summary>
    public void Add(IEnumerable<ChunkScan> chunks)
    {
        foreach (var c in chunks.OrderBy(c => c.Chunk.Index))
        {
            var firstLine = 1 + Rows; // line of the chunk's row 0
            if (c.Chunk.Index == 0)
            {
                Header = c.Header;
            }

            AddCounts(c);
            if (c.FirstProblem is { } p && FirstProblemLine is null)
            {
                FirstProblemLine = firstLine + p.Row;
                FirstProblem = p.What;
            }

            if (c.FirstOutside is { } o && FirstOutsideLine is null)
            {
                FirstOutsideLine = firstLine + o.Row;
                FirstOutside = o.What;
            }

            Error ??= c.Error is null ? null : $"line {firstLine + c.Rows + 1} or near: {c.Error}";
            if (c.Collector is { } collector)
            {
                if (Collector is null)
                {
                    Collector = collector;
                }
                else
                {
                    Collector.Merge(collector);
                }
            }
        }
    }
}
