using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>One table file as written.</summary>
public sealed record TableFileInfo(string Table, int Tier, long Rows, long Bytes, string Path);
