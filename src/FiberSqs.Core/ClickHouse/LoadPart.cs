namespace FiberSqs.Core.ClickHouse;

/// <summary>One INSERT of a load: a whole-row slice of a file (the first slice carries the header).</summary>
internal sealed record LoadPart(FileLoadTracker File, int Index, long Offset, long Length, bool HasHeader);
