using CsvHelper;

namespace FiberSqs.Core.Tests.Generation;

/// <summary>Reads generated CSVs in tests through CsvHelper's reader (quoted fields included).</summary>
internal static class TestCsv
{
    public static IEnumerable<string[]> Rows(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',', HasHeader = true });
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            yield return fields;
        }
    }

    /// <summary>Every row as column name → value (small files only: it holds them all).</summary>
    public static List<Dictionary<string, string>> Read(string path)
    {
        var header = Header(path);
        return [.. Rows(path).Select(r => header.Select((h, i) => (h, v: r[i])).ToDictionary(x => x.h, x => x.v))];
    }

    /// <summary>The rows of each transaction, in file order (app_logs keeps a transaction's rows together;
    /// column 6 is the transaction id).</summary>
    public static IEnumerable<List<string[]>> Transactions(string appLogs)
    {
        List<string[]>? current = null;
        foreach (var row in Rows(appLogs))
        {
            if (current is not null && current[0][6] != row[6])
            {
                yield return current;
                current = null;
            }

            (current ??= []).Add(row);
        }

        if (current is not null)
        {
            yield return current;
        }
    }

    public static string[] Header(string path)
    {
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { Separator = ',', HasHeader = true });
        reader.Read();
        return [.. reader.Headers];
    }

    public static DateTime Time(string iso) =>
        DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    public static double Num(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>SHA-256 of every file under <paramref name="folder"/>, by relative path.</summary>
    public static Dictionary<string, string> FolderHashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), Sha256);

    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
