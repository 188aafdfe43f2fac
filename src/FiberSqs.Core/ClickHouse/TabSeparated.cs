using System.Globalization;
using System.Text;

namespace FiberSqs.Core.ClickHouse;

/// <summary>Reads ClickHouse's TabSeparated output (rows by <c>\n</c>, fields by tab, backslash escapes).</summary>
internal static class TabSeparated
{
    public static IReadOnlyList<string[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<string[]>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = Unescape(fields[i]);
            }

            rows.Add(fields);
        }

        return rows;
    }

    /// <summary>Undoes TabSeparated escaping (<c>\t \n \\ \' \N</c> ...). <c>\N</c> (NULL) becomes an empty string.</summary>
    public static string Unescape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        if (field == "\\N")
        {
            return "";
        }

        var sb = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            var c = field[i];
            if (c != '\\' || i + 1 == field.Length)
            {
                sb.Append(c);
                continue;
            }

            var n = field[++i];
            sb.Append(n switch
            {
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                '0' => '\0',
                'b' => '\b',
                'f' => '\f',
                _ => n,
            });
        }

        return sb.ToString();
    }

    public static long ParseInt64(string field) => long.Parse(field, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>Parses a ClickHouse float (<c>nan</c>, <c>inf</c> and exponents included).</summary>
    public static double ParseFloat64(string field) => field switch
    {
        "nan" or "-nan" => double.NaN,
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
