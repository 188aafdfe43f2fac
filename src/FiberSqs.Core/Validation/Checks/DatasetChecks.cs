using System.Globalization;
using FiberSqs.Core.Files;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation;

/// <summary>
/// Turns what the scan gathered into the checks of docs/validation.md, each with its measured figures, its threshold
/// and pass/fail. The checks are split by theme over the partial files beside this one.
/// </summary>
internal sealed partial class DatasetChecks(GroundTruth truth, ScanContext context,
    Dictionary<TableSchema, TableResult> tables, long chunkBytes, CancellationToken cancel)
{
    private const string Unavailable = "cannot be evaluated: ";

    public List<ValidationCheck> Run()
    {
        var checks = new List<ValidationCheck> { FilesPresent() };
        checks.AddRange(tables.Values.Select(Csv));
        checks.Add(RowCounts());
        checks.Add(AppLogRowTarget());
        checks.Add(TimestampsInWindow());
        cancel.ThrowIfCancellationRequested();
        checks.AddRange(Integrity());
        cancel.ThrowIfCancellationRequested();
        checks.AddRange(Incident());
        checks.AddRange(Confounders());
        checks.AddRange(Realism());
        return checks;
    }

    private TableResult Table(TableSchema t) => tables[t];

    private bool Has(TableSchema t) => tables.TryGetValue(t, out var r) && r.Readable;

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Iso(long ticks) => ticks is <= 0 or long.MaxValue ? "" : Iso(new DateTime(ticks, DateTimeKind.Utc));

    private static double Ratio(double a, double b) => b > 0 && !double.IsNaN(a) ? Math.Round(a / b, 4) : double.NaN;

    private static double Rate(long part, long whole) => whole > 0 ? Math.Round((double)part / whole, 6) : double.NaN;

    private static string Percent(double rate) => double.IsNaN(rate) ? "n/a" : (rate * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static ValidationCheck NotEvaluated(string name, string threshold, string why) =>
        new(name, false, [], threshold, Unavailable + why);

    private string MissingTables(params TableSchema[] needed) =>
        string.Join(", ", needed.Where(t => !Has(t)).Select(t => t.FileName)) + " is missing or unreadable";

    private ValidationCheck FilesPresent()
    {
        var missing = tables.Values.Where(t => !t.Exists).Select(t => t.Table.FileName).ToList();
        var root = Path.GetDirectoryName(Path.GetDirectoryName(tables.Values.First().Path))!;
        var readme = File.Exists(Path.Combine(root, DatasetLayout.ReadmeFile));
        if (!readme)
        {
            missing.Add(DatasetLayout.ReadmeFile);
        }

        var figures = new FigureList()
            .Add("expected_files", tables.Count + 1)
            .Add("present_files", tables.Count + 1 - missing.Count)
            .Add("missing", string.Join(", ", missing));
        return new ValidationCheck(CheckNames.FilesPresent, missing.Count == 0, figures,
            $"all of README.md and data/clickhouse-<table>.csv for the {tables.Count} tables of the dataset's tiers",
            missing.Count == 0 ? "every file is present" : "missing: " + string.Join(", ", missing) + "; generate the dataset again");
    }

    private static ValidationCheck Csv(TableResult t)
    {
        const string threshold = "the declared header; every row has its fields, each parses as its column's kind " +
            "(numbers, true/false flags, ISO timestamps with Z); the file ends with a line break";
        var name = CheckNames.Csv(t.Table.Name);
        if (!t.Exists)
        {
            return new ValidationCheck(name, false, new FigureList().Add("exists", false), threshold,
                $"{t.Table.FileName} is missing");
        }

        string? first = t.FirstProblem;
        long? firstLine = t.FirstProblemLine;
        if (!t.HeaderOk)
        {
            first = t.Header is null ? "the file is empty (no header)"
                : $"header is '{string.Join(",", t.Header)}', expected '{string.Join(",", t.Table.ColumnNames)}'";
            firstLine = 1;
        }
        else if (first is null && t.Bytes > 0 && !t.EndsWithNewline)
        {
            first = "the last line has no line break (truncated file?)";
            firstLine = t.Rows + 1;
        }

        var figures = new FigureList()
            .Add("exists", true)
            .Add("bytes", t.Bytes)
            .Add("rows", t.Rows)
            .Add("header_ok", t.HeaderOk)
            .Add("wrong_field_count_rows", t.WrongFieldCount)
            .Add("bad_numbers", t.BadNumbers)
            .Add("bad_timestamps", t.BadTimestamps)
            .Add("bad_flags", t.BadFlags)
            .Add("empty_required_fields", t.EmptyRequired)
            .Add("malformed_quoting", t.MalformedQuoting)
            .Add("ends_with_newline", t.EndsWithNewline)
            .Add("first_problem_line", firstLine)
            .Add("first_problem", first)
            .Add("read_error", t.Error);
        var passed = t.Readable && t.HeaderOk && t.ParseProblems == 0 && t.EndsWithNewline;
        var message = passed ? $"{N(t.Rows)} rows parse"
            : t.Error is not null ? $"{t.Table.FileName} could not be read: {t.Error}"
            : $"{t.Table.FileName} line {firstLine}: {first}" +
              (t.ParseProblems > 1 ? $" ({N(t.ParseProblems)} problems in all)" : "");
        return new ValidationCheck(name, passed, figures, threshold, message);
    }

    private ValidationCheck RowCounts()
    {
        var figures = new FigureList();
        var problems = new List<string>();
        foreach (var t in tables.Values)
        {
            long? expected = truth.Generation.RowCounts.TryGetValue(t.Table.Name, out var e) ? e : null;
            long? actual = t.Exists ? t.Rows : null;
            figures.Add(t.Table.Name, actual).Add(t.Table.Name + "_expected", expected);
            if (expected is null)
            {
                problems.Add($"{t.Table.Name}: not in ground_truth row_counts");
            }
            else if (actual is null)
            {
                problems.Add($"{t.Table.Name}: file missing, {N(expected.Value)} expected");
            }
            else if (actual != expected)
            {
                problems.Add($"{t.Table.Name}: {N(actual.Value)} in the file, {N(expected.Value)} expected");
            }
        }

        return new ValidationCheck(CheckNames.RowCounts, problems.Count == 0, figures,
            "rows in each file equal generation.row_counts of ground_truth.json",
            problems.Count == 0 ? "every table has the rows the answer key lists" : string.Join("; ", problems));
    }

    private ValidationCheck AppLogRowTarget()
    {
        var p = truth.Generation.Parameters;
        var target = p.AppLogRowsTarget > 0 ? p.AppLogRowsTarget : (long)Math.Round(p.AppLogRows * p.ScaleLogs);
        const string threshold = "within 2% of app_log_rows × scale_logs, when that is at least 10,000";
        var logs = Table(TableCatalog.AppLogs);
        var applicable = target >= 10_000;
        if (!logs.Exists)
        {
            return NotEvaluated(CheckNames.AppLogRowTarget, threshold, MissingTables(TableCatalog.AppLogs));
        }

        var deviation = target > 0 ? Math.Round((logs.Rows - target) * 100.0 / target, 3) : double.NaN;
        var figures = new FigureList()
            .Add("app_log_rows", p.AppLogRows)
            .Add("scale_logs", p.ScaleLogs)
            .Add("target", target)
            .Add("actual", logs.Rows)
            .Add("deviation_pct", deviation);
        var passed = Math.Abs(deviation) <= 2.0;
        return new ValidationCheck(CheckNames.AppLogRowTarget, passed, figures, threshold,
            !applicable ? $"target {N(target)} is below 10,000: not checked"
            : passed ? $"{N(logs.Rows)} rows, {deviation:0.###}% from the target {N(target)}"
            : $"{N(logs.Rows)} rows is {deviation:0.###}% from the target {N(target)}",
            applicable);
    }

    private ValidationCheck TimestampsInWindow()
    {
        var readable = tables.Values.Where(t => t.Exists).ToList();
        var checkedValues = readable.Sum(t => t.TimestampsChecked);
        var outside = readable.Sum(t => t.OutsideWindow);
        var first = readable.FirstOrDefault(t => t.FirstOutsideLine is not null);
        var earliest = readable.Count == 0 ? long.MaxValue : readable.Min(t => t.MinTicks);
        var latest = readable.Count == 0 ? long.MinValue : readable.Max(t => t.MaxTicks);
        var figures = new FigureList()
            .Add("window_start", Iso(context.WindowStart))
            .Add("window_end", Iso(context.WindowEnd))
            .Add("values_checked", checkedValues)
            .Add("outside_window", outside)
            .Add("earliest", Iso(earliest))
            .Add("latest", Iso(latest))
            .Add("first_outside", first is null ? null : $"{first.Table.FileName} line {first.FirstOutsideLine}: {first.FirstOutside}");
        var passed = outside == 0 && checkedValues > 0;
        return new ValidationCheck(CheckNames.TimestampsInWindow, passed, figures,
            $"every timestamp of every table in [{Iso(context.WindowStart)}, {Iso(context.WindowEnd)})",
            passed ? $"{N(checkedValues)} timestamps, all inside the window"
            : checkedValues == 0 ? "no timestamp could be read"
            : $"{N(outside)} timestamps outside the window, first in {first!.Table.FileName} line {first.FirstOutsideLine}: {first.FirstOutside}");
    }
}
