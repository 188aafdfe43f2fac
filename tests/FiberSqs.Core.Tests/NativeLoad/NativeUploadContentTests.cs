using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.ClickHouse.NativeLoad;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Tests.NativeLoad;

/// <summary>The Native body of a fast INSERT, read back with the tests' own reader: the typed values, the order of the
/// table's key, the refusal of anything a server could read otherwise, and several INSERTs sharing one file.</summary>
public sealed class NativeUploadContentTests : IDisposable
{
    private static readonly ServerNumberParsing Fast = new(ServerFloatParsing.Fast, ServerFloatParsing.Fast);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fibersqs-native-" + Guid.NewGuid().ToString("N")[..8]);

    public NativeUploadContentTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Csv(TableSchema table, params string[] rows)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N")[..8] + ".csv");
        File.WriteAllText(path, string.Join(',', table.ColumnNames) + "\n" + string.Concat(rows.Select(r => r + "\n")));
        return path;
    }

    private static (List<List<NativeReader.Column>> Blocks, NativeFileSource Source, long Bytes, long Rows) Encode(TableSchema table, string path,
        ClickHouseDialect? dialect = null, int blockRows = 65_536, ServerNumberParsing? parsing = null)
    {
        var layout = NativeTableLayout.For(table, dialect ?? ClickHouseDialect.Legacy);
        var source = new NativeFileSource(new ImportFile(table, path, new FileInfo(path).Length, 0), layout, parsing ?? Fast, blockRows);
        using var content = new NativeUploadContent(source);
        using var sink = new MemoryStream();
        content.CopyToAsync(sink).GetAwaiter().GetResult();
        source.Dispose();
        return (NativeReader.Read(sink.ToArray()), source, content.BytesSent, content.RowsSent);
    }

    private static List<object?> Column(List<List<NativeReader.Column>> blocks, string name) =>
        [.. blocks.SelectMany(b => b.Single(c => c.Name == name).Values)];

    [Fact]
    public void Rows_come_out_typed_and_sorted_by_the_table_s_key()
    {
        var path = Csv(TableCatalog.ServiceMetrics,
            "2025-12-01T00:02:00Z,west,provision,10.5,0.01,120.25,180.5,0.4",
            "2025-12-01T00:01:00Z,east,modify,11,0.02,1.648,200,0.5",
            "2025-12-01T00:00:00Z,west,provision,12.25,0,100,150,0.3",
            "2025-12-01T00:00:00Z,east,modify,9,0.03,90,140,0.2");
        var (blocks, source, bytes, rows) = Encode(TableCatalog.ServiceMetrics, path);
        Assert.Null(source.Problem);
        Assert.Equal(4, rows);
        Assert.Equal(new FileInfo(path).Length, bytes);
        var block = Assert.Single(blocks);
        Assert.Equal(["timestamp", "region", "transaction_type", "request_rate", "error_rate", "p95_latency_ms", "p99_latency_ms", "saturation", "ts"],
            block.Select(c => c.Name));
        Assert.Equal(["String", "String", "String", "Float64", "Float64", "Float64", "Float64", "Float64", "DateTime('UTC')"], block.Select(c => c.Type));
        // ORDER BY (region, transaction_type, ts)
        Assert.Equal(["east", "east", "west", "west"], Column(blocks, "region"));
        Assert.Equal(["2025-12-01T00:00:00Z", "2025-12-01T00:01:00Z", "2025-12-01T00:00:00Z", "2025-12-01T00:02:00Z"], Column(blocks, "timestamp"));
        Assert.Equal([new DateTime(2025, 12, 1, 0, 0, 0), new DateTime(2025, 12, 1, 0, 1, 0), new DateTime(2025, 12, 1, 0, 0, 0), new DateTime(2025, 12, 1, 0, 2, 0)],
            Column(blocks, "ts").Cast<DateTime>());
        // The server's fast parser reads 1.648 one bit above the nearest double; the client gives the same bits.
        Assert.Equal(0x3FFA5E353F7CED92UL, BitConverter.DoubleToUInt64Bits((double)Column(blocks, "p95_latency_ms")[1]!));
        Assert.Equal([9.0, 11.0, 12.25, 10.5], Column(blocks, "request_rate"));
    }

    [Fact]
    public void Microsecond_times_keep_their_microseconds_where_the_server_has_DateTime64_and_whole_seconds_on_18_16()
    {
        var path = Csv(TableCatalog.TxnFacts, "TX-1,CUST-1,central,provision,2025-12-03T12:21:07.123456Z,2025-12-03T12:21:09.654321Z,true,,2531.198");
        var legacy = Encode(TableCatalog.TxnFacts, path).Blocks;
        Assert.Equal(new DateTime(2025, 12, 3, 12, 21, 7), Column(legacy, "start_dt")[0]);
        Assert.Equal(new DateTime(2025, 12, 3, 12, 21, 9), Column(legacy, "end_dt")[0]);
        var current = Encode(TableCatalog.TxnFacts, path, ClickHouseDialect.Current).Blocks;
        Assert.Equal("DateTime64(6, 'UTC')", current[0].Single(c => c.Name == "ts").Type);
        Assert.Equal(new DateTime(2025, 12, 3, 12, 21, 7).AddTicks(1_234_560), Column(current, "ts")[0]);
        Assert.Equal(new DateTime(2025, 12, 3, 12, 21, 9).AddTicks(6_543_210), Column(current, "end_dt")[0]);
        Assert.Equal("true", Column(current, "success")[0]);
    }

    [Fact]
    public void An_app_log_s_missing_latency_reads_as_toFloat64OrZero_and_its_customer_is_a_Nullable_string()
    {
        var table = TableCatalog.AppLogs;
        string Row(string latency) => string.Join(',', table.ColumnNames.Select(c => c switch
        {
            "timestamp" => "2025-12-01T00:00:01.276771Z",
            "customer_id" => "CUST-41212237",
            "end_to_end_latency_ms" => latency,
            "region" => "north",
            _ => "",
        }));
        var (blocks, source, _, _) = Encode(table, Csv(table, Row(""), Row("812.5")));
        Assert.Null(source.Problem);
        Assert.Equal([0.0, 812.5], Column(blocks, "end_to_end_latency_ms_f64"));
        Assert.Equal(["", "812.5"], Column(blocks, "end_to_end_latency_ms"));
        Assert.Equal("Nullable(String)", blocks[0].Single(c => c.Name == "customer_id").Type);
        Assert.Equal(["CUST-41212237", "CUST-41212237"], Column(blocks, "customer_id"));
    }

    [Fact]
    public void Quoted_text_is_sent_unquoted()
    {
        var path = Csv(TableCatalog.NetworkEvents,
            "NE-1,2025-12-03T12:20:00Z,degradation,central,east,\"CKT-C-E-01\",major,\"packet loss, \"\"severe\"\" on the primary\"");
        var (blocks, source, _, _) = Encode(TableCatalog.NetworkEvents, path);
        Assert.Null(source.Problem);
        Assert.Equal("CKT-C-E-01", Column(blocks, "circuit_id")[0]);
        Assert.Equal("packet loss, \"severe\" on the primary", Column(blocks, "description")[0]);
    }

    [Theory]
    [InlineData("2025-12-01T00:00:00Z,east,modify,\"9\",0.03,90,140,0.2", "request_rate")]
    [InlineData("2025-12-01T00:00:00Z,east,modify,+9,0.03,90,140,0.2", "request_rate")]
    [InlineData("2025-12-01T00:00:00Z,east,modify,,0.03,90,140,0.2", "request_rate")]
    [InlineData("2025-12-01T00:00:00Z,east,modify,nan,0.03,90,140,0.2", "request_rate")]
    [InlineData("2025-12-01T00:00:00Z,east , modify,9,0.03,90,140,0.2", "region")]
    [InlineData("2025-12-01T00:00:00Z,ea\\st,modify,9,0.03,90,140,0.2", "region")]
    [InlineData("2025-12-01T00:00:00Z,\\N,modify,9,0.03,90,140,0.2", "region")]
    [InlineData("2025-12-01 00:00:00,east,modify,9,0.03,90,140,0.2", "timestamp")]
    [InlineData("2025-12-01T00:00:00Z,east,modify,9,0.03,90,140", "fields")]
    [InlineData("2025-12-01T00:00:00Z,\"east,modify,9,0.03,90,140,0.2", "")]
    public void A_value_a_server_could_read_otherwise_stops_the_fast_load_and_says_where(string bad, string what)
    {
        var good = "2025-12-01T00:00:00Z,west,provision,12.25,0,100,150,0.3";
        var path = Csv(TableCatalog.ServiceMetrics, good, good, bad, good);
        var (blocks, source, _, rows) = Encode(TableCatalog.ServiceMetrics, path);
        var problem = Assert.IsType<FastLoadProblem>(source.Problem);
        Assert.Equal(4, problem.Line); // the header is line 1
        Assert.Contains(what, problem.Reason, StringComparison.Ordinal);
        Assert.Empty(blocks); // nothing of the file is sent: it goes as CSV
        Assert.Equal(0, rows);
    }

    [Fact]
    public void A_number_with_an_exponent_goes_native_only_where_the_probe_confirmed_exponents()
    {
        var path = Csv(TableCatalog.ServiceMetrics, "2025-12-01T00:00:00Z,east,modify,9,1.5e-3,90,140,0.2");
        var (blocks, source, _, _) = Encode(TableCatalog.ServiceMetrics, path);
        Assert.Null(source.Problem);
        Assert.Equal(ClickHouseFloatText.TryParse("1.5e-3"u8, ServerFloatParsing.Fast, out var fast) ? fast : double.NaN,
            Assert.IsType<double>(Column(blocks, "error_rate")[0]));

        var (none, refused, _, _) = Encode(TableCatalog.ServiceMetrics, path, parsing: Fast with { Exponents = false });
        Assert.Empty(none);
        Assert.Contains("exponent", Assert.IsType<FastLoadProblem>(refused.Problem).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Blocks_hold_at_most_the_block_size()
    {
        var rows = Enumerable.Range(0, 250).Select(i => $"2025-12-01T00:{i / 60:D2}:{i % 60:D2}Z,east,modify,{i},0,1,2,0.5").ToArray();
        var (blocks, _, _, sent) = Encode(TableCatalog.ServiceMetrics, Csv(TableCatalog.ServiceMetrics, rows), blockRows: 100);
        Assert.Equal(250, sent);
        Assert.Equal([100, 100, 50], blocks.Select(b => b[0].Values.Count));
    }

    [Fact]
    public async Task Several_inserts_sharing_a_file_send_every_row_exactly_once()
    {
        var table = TableCatalog.ServiceMetrics;
        var rows = Enumerable.Range(0, 20_000).Select(i => $"2025-12-0{1 + (i % 7)}T{i % 24:D2}:00:00Z,r{i % 5},t{i % 3},{i},0,1,2,0.5").ToArray();
        var path = Csv(table, rows);
        var layout = NativeTableLayout.For(table, ClickHouseDialect.Legacy);
        using var source = new NativeFileSource(new ImportFile(table, path, new FileInfo(path).Length, 0), layout, Fast, 1000, chunkBytes: 16 << 10);
        Assert.True(source.ChunkCount > 20);
        var bodies = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var content = new NativeUploadContent(source);
            using var sink = new MemoryStream();
            await content.CopyToAsync(sink);
            return (Bytes: content.BytesSent, Rows: content.RowsSent, Blocks: NativeReader.Read(sink.ToArray()));
        }));
        Assert.Null(source.Problem);
        Assert.Equal(new FileInfo(path).Length, bodies.Sum(b => b.Bytes));
        Assert.Equal(rows.Length, bodies.Sum(b => b.Rows));
        var sent = bodies.SelectMany(b => Column(b.Blocks, "request_rate")).Select(v => (int)(double)v!).Order();
        Assert.Equal(Enumerable.Range(0, rows.Length), sent);
        foreach (var block in bodies.SelectMany(b => b.Blocks))
        {
            var keys = block[1].Values.Zip(block[2].Values, block[8].Values).Select(k => ((string)k.First!, (string)k.Second!, (DateTime)k.Third!)).ToList();
            Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal).ThenBy(k => k.Item3), keys);
        }
    }
}
