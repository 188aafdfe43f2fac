using System.Globalization;
using System.Text;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Safety;

namespace FiberSqs.Core.ClickHouse;

/// <summary>A view of docs/clickhouse.md: where it lives, what it is called, the table it reads, and its SELECT.</summary>
/// <param name="Database">Its database.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind"><c>compatibility</c>, <c>region</c> or <c>day</c>.</param>
/// <param name="Table">The table of the import's database it reads.</param>
/// <param name="Select">The SELECT it stands for.</param>
internal sealed record ClickHouseView(string Database, string Name, string Kind, TableSchema Table, string Select)
{
    public string FullName => $"{Database}.{Name}";
}
