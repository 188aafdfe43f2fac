using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FiberSqs.Core.Validation;

/// <summary>The outcome of a validation: every check, and whether all passed. Saved as
/// <c>validation_summary.json</c> (dataset) or reused for post-load checks.</summary>
internal sealed class ValidationReport
{
    /// <param name="path">The dataset folder (or database URL) validated.</param>
    /// <param name="checks">Every check, in order.</param>
    /// <param name="elapsed">How long it took (never saved: the summary is byte-identical per seed).</param>
    /// <param name="sections">The original generator's report sections, written beside the checks (may be null).</param>
    public ValidationReport(string path, IEnumerable<ValidationCheck> checks, TimeSpan elapsed = default, JsonObject? sections = null)
    {
        ArgumentNullException.ThrowIfNull(checks);
        Path = path ?? "";
        Checks = checks.ToList();
        Elapsed = elapsed;
        Sections = sections ?? [];
    }

    /// <summary>The original generator's sections (referential_integrity, fix_verification, ...), in its key names.</summary>
    public JsonObject Sections { get; }

    /// <summary>The dataset folder (or database URL) validated.</summary>
    public string Path { get; }

    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);

    public IReadOnlyList<ValidationCheck> Checks { get; }

    public IReadOnlyList<ValidationCheck> FailedChecks => Checks.Where(c => !c.Passed).ToList();

    public TimeSpan Elapsed { get; }

    /// <summary>The check with that name, or null.</summary>
    public ValidationCheck? Check(string name) => Checks.FirstOrDefault(c => c.Name == name);

    /// <summary>Writes <c>{ "passed": bool, "checks": [ { "name", "passed", "applicable", figures..., "threshold", "message" } ] }</c>.</summary>
    /// <remarks>Creates <paramref name="path"/>, which must not exist: the summary goes into the staging folder of a
    /// dataset being produced, which this process created and nothing else reads before the swap, so a name planted
    /// there fails the creation and is never followed. Not forced to disk, as the CSVs beside it are not: an fsync of
    /// this small file made the file system commit its journal for the gigabytes written before it, 0.01–0.34 s of
    /// waiting at the end of every generation (docs/performance.md).</remarks>
    public void Save(string path)
    {
        var bytes = ToJsonBytes();
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);
        file.Write(bytes);
    }

    public string ToJson() => Encoding.UTF8.GetString(ToJsonBytes());

    private byte[] ToJsonBytes()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            WriteTo(w);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Writes the report as one JSON object (for embedding it in another document).</summary>
    public void WriteTo(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteBoolean("passed", Passed);
        // No path and no timing: validation_summary.json is part of the dataset, byte-identical for a seed (docs/architecture.md).
        w.WriteNumber("checks_passed", Checks.Count(c => c.Passed));
        w.WriteNumber("checks_failed", Checks.Count(c => !c.Passed));
        w.WriteStartArray("checks");
        foreach (var check in Checks)
        {
            w.WriteStartObject();
            w.WriteString("name", check.Name);
            w.WriteBoolean("passed", check.Passed);
            w.WriteBoolean("applicable", check.Applicable);
            foreach (var f in check.Figures)
            {
                w.WritePropertyName(f.Name);
                WriteValue(w, f.Value);
            }

            w.WriteString("threshold", check.Threshold);
            w.WriteString("message", check.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        foreach (var (name, node) in Sections)
        {
            w.WritePropertyName(name);
            if (node is null)
            {
                w.WriteNullValue();
            }
            else
            {
                node.WriteTo(w);
            }
        }

        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case long l:
                w.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                w.WriteNumberValue(Math.Round(d, 6));
                break;
            case double:
                w.WriteNullValue();
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            default:
                w.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    public override string ToString() =>
        $"{(Passed ? "PASSED" : "FAILED")}: {Checks.Count(c => c.Passed)}/{Checks.Count} checks passed ({Path})";
}
