using System.Text.RegularExpressions;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>One SQL statement of the README's "ClickHouse after import" section, with the comment above it.</summary>
public sealed record ReadmeQuery(string Comment, string Sql)
{
    /// <summary>True when the README says the statement needs a current server (18.16 refuses it).</summary>
    public bool CurrentServersOnly => Comment.Contains("current servers only", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Comment;
}

/// <summary>The README's example queries, read from the file itself so the tests run them exactly as written.</summary>
public static partial class ReadmeQueries
{
    public static string ReadmePath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FiberSqs.psd1")))
                {
                    return Path.Combine(dir.FullName, "README.md");
                }
            }

            throw new FileNotFoundException("README.md: no FiberSqs.psd1 above the test folder.");
        }
    }

    /// <summary>Every statement of the sql blocks of the "ClickHouse after import" section.</summary>
    public static IReadOnlyList<ReadmeQuery> All()
    {
        var text = File.ReadAllText(ReadmePath);
        var start = text.IndexOf("## ClickHouse after import", StringComparison.Ordinal);
        var end = text.IndexOf("\n## ", start + 5, StringComparison.Ordinal);
        var section = text[start..(end < 0 ? text.Length : end)];
        var queries = new List<ReadmeQuery>();
        foreach (Match block in SqlBlock().Matches(section))
        {
            var comment = "";
            var sql = new List<string>();
            foreach (var line in block.Groups[1].Value.Split('\n'))
            {
                if (line.StartsWith("--", StringComparison.Ordinal) && sql.Count == 0)
                {
                    comment = (comment + " " + line.TrimStart('-').Trim()).Trim();
                    continue;
                }

                if (line.Trim().Length == 0 && sql.Count == 0)
                {
                    continue;
                }

                sql.Add(line);
                if (line.TrimEnd().EndsWith(';'))
                {
                    queries.Add(new ReadmeQuery(comment, string.Join('\n', sql).TrimEnd().TrimEnd(';')));
                    comment = "";
                    sql.Clear();
                }
            }
        }

        return queries;
    }

    [GeneratedRegex("```sql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
