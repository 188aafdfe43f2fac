namespace FiberSqs.Core.Tables;

/// <summary>One table of the dataset: name, tier, columns in file order, and which column is its timestamp.</summary>
internal sealed class TableSchema
{
    internal TableSchema(string name, int tier, string timestampColumn, params ColumnSchema[] columns)
    {
        Name = name;
        Tier = tier;
        Columns = columns;
        TimestampColumn = timestampColumn;
        TimestampIndex = Array.FindIndex(columns, c => c.Name == timestampColumn);
        if (TimestampIndex < 0)
        {
            throw new ArgumentException($"Table {name} has no column {timestampColumn}.", nameof(timestampColumn));
        }
    }

    /// <summary>Table name, as in the file name and in ClickHouse (app_logs, ...).</summary>
    public string Name { get; }

    /// <summary>1 for the tables always written, 2 for those written with -EnableTier2.</summary>
    public int Tier { get; }

    public IReadOnlyList<ColumnSchema> Columns { get; }

    /// <summary>The column that the typed <c>ts</c> column in ClickHouse is parsed from.</summary>
    public string TimestampColumn { get; }

    public int TimestampIndex { get; }

    /// <summary>File name inside the data folder: clickhouse-&lt;table&gt;.csv.</summary>
    public string FileName => "clickhouse-" + Name + ".csv";

    public IEnumerable<string> ColumnNames => Columns.Select(c => c.Name);

    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"Table {Name} has no column {column}.", nameof(column));
    }

    public override string ToString() => Name;
}
