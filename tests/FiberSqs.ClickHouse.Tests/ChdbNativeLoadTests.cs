using System.Security.Cryptography;
using System.Text;
using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.ClickHouse.NativeLoad;
using FiberSqs.Core.Files;
using FiberSqs.Core.Tables;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>The Native load on the current engine (chDB 26.5): blocks the client built, read by the server, hold the
/// values its own CSV load gives (LowCardinality and DateTime64 columns included), and the probe reads its parsing.</summary>
[Collection(ChdbEngineGroup.Name)]
public sealed class ChdbNativeLoadTests(ChdbFixture fx)
{
    private string TableHash(string database, TableSchema table)
    {
        var columns = string.Join(", ", ClickHouseSchema.Columns(table, fx.Engine.Dialect).Select(c => c.Name));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            fx.Engine.Run($"SELECT {columns} FROM {database}.{table.Name} ORDER BY {columns}", "TabSeparated"))));
    }

    [Fact]
    public async Task Native_blocks_load_the_values_of_the_CSV_load_in_every_column_of_every_table()
    {
        var sql = new ClickHouseSql(fx.Engine.Dialect, "fsq_native", null);
        fx.Engine.Exec(sql.CreateDatabase());
        var parsing = ServerNumberParsing.Default(fx.Engine.Dialect.Version);
        var folder = Path.Combine(Path.GetTempPath(), "fibersqs-chdb-native-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var table in TableCatalog.All)
            {
                var csv = DatasetLayout.CsvPath(fx.Dataset.Root, table);
                var layout = NativeTableLayout.For(table, fx.Engine.Dialect);
                var blocks = Path.Combine(folder, table.Name + ".native");
                using (var source = new NativeFileSource(new ImportFile(table, csv, new FileInfo(csv).Length, 0), layout, parsing, 4096))
                await using (var file = File.Create(blocks))
                {
                    using var content = new NativeUploadContent(source);
                    await content.CopyToAsync(file);
                    Assert.Null(source.Problem);
                }

                fx.Engine.Exec(sql.CreateTable(table, table.Name));
                fx.Engine.Exec(sql.InsertNativeFromFile(layout, table.Name, blocks));
                Assert.Equal(fx.Engine.Scalar($"SELECT count() FROM fibersqs_prod.{table.Name}"), fx.Engine.Scalar($"SELECT count() FROM fsq_native.{table.Name}"));
                Assert.True(TableHash("fibersqs_prod", table) == TableHash("fsq_native", table), $"{table.Name}: the Native load differs from the CSV load");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            fx.Engine.Exec("DROP DATABASE IF EXISTS fsq_native");
        }
    }

    [Fact]
    public void The_probe_reads_the_fast_number_parsing_of_26_5_in_CSV_and_in_toFloat64OrZero()
    {
        var sql = new ClickHouseSql(fx.Engine.Dialect, "fsq_probe", null);
        fx.Engine.Exec(sql.CreateDatabase());
        var name = ClickHouseSql.ProbeName("0123456789abcdef");
        var path = Path.Combine(Path.GetTempPath(), "fibersqs-probe-" + Guid.NewGuid().ToString("N")[..8] + ".csv");
        File.WriteAllText(path, NumberParsingProbe.Csv());
        try
        {
            fx.Engine.Exec(NumberParsingProbe.CreateTable(sql, name));
            fx.Engine.Exec($"INSERT INTO fsq_probe.{name} (s, f) FROM INFILE {ClickHouseSql.Literal(path)} FORMAT CSV");
            var parsing = NumberParsingProbe.Decide(fx.Engine.Rows(NumberParsingProbe.Select(sql, name)));
            // 26.5 reads plain decimals like 18.16 but scales exponents its own way: those fields go as CSV.
            Assert.Equal(new ServerNumberParsing(ServerFloatParsing.Fast, ServerFloatParsing.Fast, Exponents: false), parsing);
            Assert.Equal(ServerNumberParsing.Default(fx.Engine.Dialect.Version), parsing);

            // A server that parses precisely (26.7 and later) is told apart: the same decimals, read to the nearest double.
            var precise = fx.Engine.Rows(NumberParsingProbe.Select(sql, name))
                .Select(r => new[] { r[0], Nearest(r[0]), Nearest(r[0]) }).ToList();
            Assert.Equal(new ServerNumberParsing(ServerFloatParsing.Precise, ServerFloatParsing.Precise), NumberParsingProbe.Decide(precise));
            var mixed = fx.Engine.Rows(NumberParsingProbe.Select(sql, name)).Select(r => new[] { r[0], r[1], Nearest(r[0]) }).ToList();
            Assert.Equal(new ServerNumberParsing(ServerFloatParsing.Fast, ServerFloatParsing.Precise, Exponents: false), NumberParsingProbe.Decide(mixed));
            var garbled = fx.Engine.Rows(NumberParsingProbe.Select(sql, name)).Select((r, i) => new[] { r[0], i == 7 ? "0" : r[1], r[2] }).ToList();
            Assert.Null(NumberParsingProbe.Decide(garbled));
        }
        finally
        {
            File.Delete(path);
            fx.Engine.Exec("DROP DATABASE IF EXISTS fsq_probe");
        }
    }

    private static string Nearest(string text) =>
        double.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
