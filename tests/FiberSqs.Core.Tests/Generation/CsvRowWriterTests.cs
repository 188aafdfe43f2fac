using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Tests.Generation;

public sealed class CsvRowWriterTests
{
    private static string Write(Action<CsvRowWriter> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = new CsvRowWriter(stream, TableCatalog.NetworkEvents))
        {
            csv.Header();
            rows(csv);
            csv.Flush();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void EventFields(CsvRowWriter csv, int count)
    {
        for (var i = 0; i < count; i++)
        {
            csv.Text("x");
        }
    }

    [Fact]
    public void ARowWithTheTablesFieldCountIsWritten()
    {
        var text = Write(csv =>
        {
            EventFields(csv, 8);
            csv.EndRow();
        });
        Assert.Equal("event_id,timestamp,event_type,src_region,dst_region,circuit_id,severity,description\nx,x,x,x,x,x,x,x\n", text);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(9)]
    public void ARowWithAnotherFieldCountFailsAtOnceNamingTheTable(int fields)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Write(csv =>
        {
            EventFields(csv, fields);
            csv.EndRow();
        }));
        Assert.Contains($"network_events has {fields} fields; the table has 8 columns", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypedFieldsCountAsFields()
    {
        var text = Write(csv =>
        {
            csv.Text("EVT-000001");
            csv.TimestampSeconds(new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc).Ticks);
            csv.WholeNumber(3);
            csv.Fixed(1.5, 2);
            csv.Flag(true);
            csv.Empty();
            csv.Text("info"u8);
            csv.Text("d");
            csv.EndRow();
        });
        Assert.EndsWith("EVT-000001,2025-12-01T00:00:00Z,3,1.50,true,,info,d\n", text, StringComparison.Ordinal);
    }
}
