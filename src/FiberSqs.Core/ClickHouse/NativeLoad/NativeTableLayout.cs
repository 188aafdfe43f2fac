using FiberSqs.Core.Tables;

namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>
/// The columns of a table's Native blocks, in the order of its ClickHouse columns (<see cref="ClickHouseSchema"/>):
/// every CSV column as the table types it, then the typed query columns computed on the client as their DEFAULT
/// expressions compute them on the server. LowCardinality(String) columns go as String: the server converts them
/// (<c>low_cardinality_allow_in_native_format = 0</c>).
/// </summary>
internal sealed class NativeTableLayout
{
    private NativeTableLayout(TableSchema table, IReadOnlyList<NativeColumn> columns)
    {
        Table = table;
        Columns = columns;
    }

    public TableSchema Table { get; }

    public IReadOnlyList<NativeColumn> Columns { get; }

    public static NativeTableLayout For(TableSchema table, ClickHouseDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dialect);
        var columns = new List<NativeColumn>();
        foreach (var column in ClickHouseSchema.Columns(table, dialect))
        {
            var index = table.IndexOf(column.Source ?? column.Name);
            var kind = table.Columns[index].Kind;
            columns.Add(column.FromCsv
                ? column.Type switch
                {
                    "String" or "LowCardinality(String)" => new NativeColumn(column.Name, "String", NativeEncoding.Text, index, kind),
                    "Nullable(String)" => new NativeColumn(column.Name, column.Type, NativeEncoding.NullableText, index, kind),
                    "Float64" => new NativeColumn(column.Name, column.Type, NativeEncoding.Float64, index, kind),
                    "Int64" => new NativeColumn(column.Name, column.Type, NativeEncoding.Int64, index, kind),
                    _ => throw new InvalidOperationException($"No Native encoding for {table.Name}.{column.Name} {column.Type}."),
                }
                : column.Conversion switch
                {
                    TypedConversion.DateTimeSeconds => new NativeColumn(column.Name, column.Type, NativeEncoding.DateTimeSeconds, index, kind),
                    TypedConversion.DateTime64Micros => new NativeColumn(column.Name, column.Type, NativeEncoding.DateTime64Micros, index, kind),
                    TypedConversion.Float64OrZero => new NativeColumn(column.Name, column.Type, NativeEncoding.Float64OrZero, index, kind),
                    _ => throw new InvalidOperationException($"No Native encoding for {table.Name}.{column.Name}."),
                });
        }

        return new NativeTableLayout(table, columns);
    }

    /// <summary>The column list of the INSERT that sends these blocks.</summary>
    public IEnumerable<string> ColumnNames => Columns.Select(c => c.Name);
}
