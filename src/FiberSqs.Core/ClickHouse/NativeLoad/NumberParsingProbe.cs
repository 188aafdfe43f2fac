using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>
/// Reads how a server turns decimal text into Float64, before a Native load computes the numbers itself: a few
/// dozen decimals on which ClickHouse's fast parser and the nearest double differ are loaded as CSV into a small
/// Memory table (a Float64 column, and a DEFAULT toFloat64OrZero one) and read back. The load then reproduces
/// whichever reading the server showed; a server that matches neither (another CPU's long double, say) is loaded as
/// CSV. The table is named like a staging table, so a leftover goes with them.
/// </summary>
internal static class NumberParsingProbe
{
    /// <summary>The probe's decimals: each one is read differently by the fast parser and by the nearest double,
    /// except a few plain ones that keep the check honest.</summary>
    public static readonly IReadOnlyList<string> Values = BuildValues();

    public static string CreateTable(ClickHouseSql sql, string name) =>
        $"CREATE TABLE {sql.Qualified(name)} (s String, f Float64, g Float64 DEFAULT toFloat64OrZero(s)) ENGINE = Memory";

    public static string Insert(ClickHouseSql sql, string name) => $"INSERT INTO {sql.Qualified(name)} (s, f) FORMAT CSV";

    public static string Select(ClickHouseSql sql, string name) => $"SELECT s, f, g FROM {sql.Qualified(name)}";

    /// <summary>The CSV body of the insert: each decimal twice (the text, and the Float64 column).</summary>
    public static string Csv() => string.Concat(Values.Select(v => $"{v},{v}\n"));

    /// <summary>What the rows read back say, or null when the server matches neither reading.</summary>
    public static ServerNumberParsing? Decide(IReadOnlyList<string[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count != Values.Count)
        {
            return null;
        }

        var plain = rows.Where(r => r.Length > 0 && !IsExponentForm(r[0])).ToList();
        var exponents = rows.Where(r => r.Length > 0 && IsExponentForm(r[0])).ToList();
        if (Match(plain, 1) is not { } input || Match(plain, 2) is not { } function)
        {
            return null;
        }

        // Exponent forms are confirmed separately: a fast parser other than 18.16's reads them its own way.
        var exponentsAgree = Matches(exponents, 1, input) && Matches(exponents, 2, function);
        return new ServerNumberParsing(input, function, exponentsAgree);
    }

    /// <summary>Runs the probe on a server: create, insert, read, drop (the drop also when something failed).</summary>
    public static async Task<ServerNumberParsing?> RunAsync(ClickHouseConnection connection, ClickHouseSql sql, string name, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sql);
        await connection.ExecuteAsync(sql.DropTable(name), cancel).ConfigureAwait(false);
        try
        {
            // Inside the try: a CREATE cancelled in flight may still complete on the server, so it is dropped too.
            await connection.ExecuteAsync(CreateTable(sql, name), cancel).ConfigureAwait(false);
            using var body = new ByteArrayContent(Encoding.UTF8.GetBytes(Csv()));
            body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            await connection.InsertAsync(Insert(sql, name), body, cancel).ConfigureAwait(false);
            return Decide(await connection.QueryAsync(Select(sql, name), cancel).ConfigureAwait(false));
        }
        finally
        {
            await connection.ExecuteAsync(sql.DropTable(name), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static bool IsExponentForm(string value) => value.Contains('e', StringComparison.OrdinalIgnoreCase);

    private static ServerFloatParsing? Match(List<string[]> rows, int column)
    {
        foreach (var parsing in new[] { ServerFloatParsing.Fast, ServerFloatParsing.Precise })
        {
            if (Matches(rows, column, parsing))
            {
                return parsing;
            }
        }

        return null;
    }

    private static bool Matches(List<string[]> rows, int column, ServerFloatParsing parsing) =>
        rows.All(r => r.Length == 3 &&
            double.TryParse(r[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var server) &&
            ClickHouseFloatText.TryParse(Encoding.ASCII.GetBytes(r[0]), parsing, out var mine) &&
            BitConverter.DoubleToInt64Bits(server) == BitConverter.DoubleToInt64Bits(mine));

    private static List<string> BuildValues()
    {
        var values = new List<string> { "0", "-1", "2.5", "1024.125" };
        void Differing(Func<int, string> text, int wanted)
        {
            for (int k = 1, found = 0; found < wanted && k < 1_000_000; k++)
            {
                var s = text(k);
                var bytes = Encoding.ASCII.GetBytes(s);
                ClickHouseFloatText.TryParse(bytes, ServerFloatParsing.Fast, out var fast);
                ClickHouseFloatText.TryParse(bytes, ServerFloatParsing.Precise, out var precise);
                if (BitConverter.DoubleToInt64Bits(fast) != BitConverter.DoubleToInt64Bits(precise))
                {
                    values.Add(s);
                    found++;
                }
            }
        }

        Differing(k => $"{k / 1000}.{k % 1000:D3}", 24);
        Differing(k => $"{k / 7}.{k * 7919 % 1_000_000:D6}", 8);
        Differing(k => $"-{k}.{k * 31 % 100:D2}e-{k % 12}", 8);
        Differing(k => $"12345678901234567{k % 1000:D3}.{k:D5}", 4);
        return values;
    }
}
