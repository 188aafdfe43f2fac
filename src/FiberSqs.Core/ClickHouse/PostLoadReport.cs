using System.Text.Json;
using FiberSqs.Core.Files;

namespace FiberSqs.Core.ClickHouse;

/// <summary>Writes <c>postload_validation.json</c>: where and what was loaded, then the post-load checks in the
/// same shape as validation_summary.json (<c>passed</c>, <c>checks</c>).</summary>
internal static class PostLoadReport
{
    /// <summary>Writes the report to <paramref name="path"/> through a new temporary file renamed over it
    /// (<see cref="AtomicFile"/>): a symbolic link planted under the name is replaced, never followed.</summary>
    public static void Save(string path, ImportResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.Write(path, stream =>
        {
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
            {
                Indented = true,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }))
            {
                Write(w, result);
            }

            stream.WriteByte((byte)'\n');
        });
    }

    private static void Write(Utf8JsonWriter w, ImportResult result)
    {
        using var validation = JsonDocument.Parse(result.Validation.ToJson());
        w.WriteStartObject();
        w.WriteBoolean("passed", result.Validation.Passed);
        w.WriteString("url", result.Url);
        w.WriteString("server_version", result.ServerVersion);
        w.WriteString("database", result.Database);
        if (result.CompatibilityDatabase is null)
        {
            w.WriteNull("compatibility_database");
        }
        else
        {
            w.WriteString("compatibility_database", result.CompatibilityDatabase);
        }
        w.WriteStartObject("load");
        w.WriteNumber("elapsed_seconds", Math.Round(result.LoadElapsed.TotalSeconds, 3));
        w.WriteNumber("rows", result.TotalRows);
        w.WriteNumber("bytes", result.TotalBytes);
        w.WriteNumber("rows_per_second", Math.Round(result.RowsPerSecond));
        w.WriteBoolean("gzip", result.Compressed);
        w.WriteStartArray("tables");
        foreach (var t in result.Tables)
        {
            w.WriteStartObject();
            w.WriteString("table", t.Table);
            w.WriteNumber("rows_expected", t.ExpectedRows);
            w.WriteNumber("rows_loaded", t.LoadedRows);
            w.WriteNumber("bytes", t.Bytes);
            w.WriteNumber("seconds", Math.Round(t.Elapsed.TotalSeconds, 3));
            w.WriteNumber("rows_per_second", Math.Round(t.RowsPerSecond));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("views");
        foreach (var v in result.Views)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
        foreach (var property in validation.RootElement.EnumerateObject().Where(p => p.Name is not "passed" and not "path"))
        {
            property.WriteTo(w);
        }

        w.WriteEndObject();
    }
}
