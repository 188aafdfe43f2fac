using System.Security.Cryptography;
using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.ClickHouse.NativeLoad;
using FiberSqs.Core.Files;
using FiberSqs.Core.Tables;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>The Native load against ClickHouse 18.16: the same values as the server's own CSV load in every column of
/// every table, blocks that arrive sorted, the number-parsing probe, and the files it leaves to CSV.</summary>
[Collection(ServerTests.Name)]
public sealed class NativeLoadTests(ServerFixture fx)
{
    private ImportResult Import(string database, LoadFormat format, string? path = null, IProgress<ImportProgress>? progress = null) =>
        fx.Import(new ImportOptions { Database = database, Format = format }, path, progress);

    /// <summary>SHA-256 of the table's rows sorted by every column, as the server writes them in TabSeparated (a double
    /// in its shortest exact form, so two tables hash alike only if every value has the same bits).</summary>
    private string TableHash(string database, TableSchema table)
    {
        var columns = string.Join(", ", ClickHouseSchema.Columns(table, ClickHouseDialect.Legacy).Select(c => c.Name));
        using var http = new HttpClient();
        using var body = new StringContent($"SELECT {columns} FROM {database}.{table.Name} ORDER BY {columns} FORMAT TabSeparated");
        using var response = http.PostAsync(new Uri(fx.Server.Url + "/"), body).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var stream = response.Content.ReadAsStream();
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private long Event(string name) =>
        fx.Rows($"SELECT value FROM system.events WHERE event = '{name}'") is [var row, ..] ? long.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture) : 0;

    [Fact]
    public void A_Native_load_holds_the_values_of_a_CSV_load_in_every_column_of_every_table()
    {
        var sortedBefore = Event("MergeTreeDataWriterBlocksAlreadySorted");
        var native = Import("fsq_native_values", LoadFormat.Native);
        var sortedAfter = Event("MergeTreeDataWriterBlocksAlreadySorted");
        var csv = Import("fsq_csv_values", LoadFormat.Csv);

        Assert.True(native.Validation.Passed);
        Assert.True(csv.Validation.Passed);
        Assert.All(native.Tables, t => Assert.Equal(LoadFormat.Native, t.Format));
        Assert.All(csv.Tables, t => Assert.Equal(LoadFormat.Csv, t.Format));
        foreach (var table in TableCatalog.All)
        {
            Assert.Equal(fx.Scalar($"SELECT count() FROM fsq_csv_values.{table.Name}"), fx.Scalar($"SELECT count() FROM fsq_native_values.{table.Name}"));
            Assert.True(TableHash("fsq_csv_values", table) == TableHash("fsq_native_values", table), $"{table.Name}: the Native load differs from the CSV load");
        }

        // Every block reached the server in its table's order: the server skipped sorting them (one per block and day
        // partition at least; the small dataset sends one or a few blocks per table).
        Assert.True(sortedAfter - sortedBefore >= TableCatalog.All.Count, $"{sortedAfter - sortedBefore} blocks arrived sorted");
    }

    [Fact]
    public void A_file_with_a_value_the_server_reads_its_own_way_goes_as_CSV_and_the_rest_as_Native()
    {
        var copy = fx.Dataset.Copy();
        try
        {
            // Surrounding spaces in an unquoted field: servers trim them (or not) by their own rules, so the client
            // leaves the file to the server's CSV parser.
            var csv = DatasetLayout.CsvPath(copy, TableCatalog.TsoCalls);
            var lines = File.ReadAllLines(csv);
            var fields = lines[5].Split(',');
            fields[5] = "  " + fields[5] + " ";
            lines[5] = string.Join(',', fields);
            File.WriteAllLines(csv, lines);

            var steps = new List<ImportProgress>();
            var native = Import("fsq_native_fallback", LoadFormat.Native, copy, new SyncProgress<ImportProgress>(steps.Add));
            var reference = Import("fsq_csv_fallback", LoadFormat.Csv, copy);

            Assert.True(native.Validation.Passed);
            Assert.Equal(LoadFormat.Csv, native.Tables.Single(t => t.Table == "tso_calls").Format);
            Assert.All(native.Tables.Where(t => t.Table != "tso_calls"), t => Assert.Equal(LoadFormat.Native, t.Format));
            Assert.Contains(steps, s => s.Message.Contains("clickhouse-tso_calls.csv line 6: column issue_description", StringComparison.Ordinal) &&
                                        s.Message.Contains("as CSV instead", StringComparison.Ordinal));
            Assert.Equal(TableHash("fsq_csv_fallback", TableCatalog.TsoCalls), TableHash("fsq_native_fallback", TableCatalog.TsoCalls));
            Assert.Equal(fx.Dataset.Truth.Generation.RowCounts["tso_calls"], fx.Scalar("SELECT count() FROM fsq_native_fallback.tso_calls"));
            Assert.Empty(fx.Rows("SELECT name FROM system.tables WHERE database = 'fsq_native_fallback' AND name LIKE '%staging%'"));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task The_probe_finds_the_fast_number_parsing_of_18_16_and_drops_its_table()
    {
        using var connection = fx.Connect();
        var sql = new ClickHouseSql(connection.Dialect, "fsq_probe", null);
        await connection.ExecuteAsync(sql.CreateDatabase());
        var name = ClickHouseSql.ProbeName("0123456789abcdef");
        var parsing = await NumberParsingProbe.RunAsync(connection, sql, name, default);
        Assert.Equal(new ServerNumberParsing(ServerFloatParsing.Fast, ServerFloatParsing.Fast), parsing);
        Assert.Equal(ServerNumberParsing.Default(connection.Version), parsing);
        Assert.Empty(fx.Rows("SELECT name FROM system.tables WHERE database = 'fsq_probe'"));
    }

    [Fact]
    public void A_probe_table_an_interrupted_import_left_is_dropped_by_the_next_and_a_new_database_reports_no_change()
    {
        fx.Exec("CREATE DATABASE IF NOT EXISTS fsq_probe_left");
        fx.Exec($"CREATE TABLE fsq_probe_left.{ClickHouseSql.ProbeName("fedcba9876543210")} (s String) ENGINE = Memory");
        var steps = new List<ImportProgress>();
        Import("fsq_probe_left", LoadFormat.Native, progress: new SyncProgress<ImportProgress>(steps.Add));
        Assert.Empty(fx.Rows($"SELECT name FROM system.tables WHERE database = 'fsq_probe_left' AND name LIKE '{ClickHouseSql.ProbeStem}%'"));

        steps.Clear();
        fx.Exec("DROP DATABASE IF EXISTS fsq_brand_new");
        Import("fsq_brand_new", LoadFormat.Native, progress: new SyncProgress<ImportProgress>(steps.Add));
        Assert.DoesNotContain(steps, s => s.Message.Contains("changed since the plan", StringComparison.Ordinal));
    }
}
