using FiberSqs.Core.Model;
using FiberSqs.Core.Safety;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.ClickHouse;

/// <summary>An object on the server before the import: its engine and its definition.</summary>
internal sealed record ExistingObject(string Engine, string CreateQuery);
