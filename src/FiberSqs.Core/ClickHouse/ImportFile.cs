using FiberSqs.Core.Tables;

namespace FiberSqs.Core.ClickHouse;

/// <summary>One CSV the import loads: its table, file, size and the rows ground_truth.json promises.</summary>
internal sealed record ImportFile(TableSchema Table, string Path, long Bytes, long ExpectedRows);
