using FiberSqs.Core.Tables;

namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>One column of the Native blocks of a table: its name and the type it is sent as, how it is computed,
/// and the CSV field it comes from (with that field's kind, which says how timestamps are written).</summary>
internal sealed record NativeColumn(string Name, string WireType, NativeEncoding Encoding, int CsvIndex, ColumnKind SourceKind);
