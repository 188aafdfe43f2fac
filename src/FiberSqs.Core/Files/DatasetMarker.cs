using System.Text.Json;

namespace FiberSqs.Core.Files;

/// <summary>
/// The marker file that says FiberSqs wrote a folder. -Force replaces a folder only when it carries one, so a
/// typo in -OutputPath can never delete somebody's unrelated files.
/// </summary>
internal static class DatasetMarker
{
    public static void Write(string root, string generator, long seed)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["written_by"] = generator,
            ["seed"] = seed,
            ["note"] = "This folder was written by the FiberSqs module; New-FiberSqsDataset -Force may replace it.",
        });
        File.WriteAllText(DatasetLayout.MarkerPath(root), json + "\n");
    }

    /// <summary>True when the folder is one this module wrote (the marker is a small regular file that parses).</summary>
    public static bool IsPresent(string root)
    {
        var marker = new FileInfo(DatasetLayout.MarkerPath(root));
        if (!marker.Exists || marker.LinkTarget is not null || marker.Length > 4096)
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(marker.FullName));
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("written_by", out var by) &&
                by.ValueKind == JsonValueKind.String && (by.GetString() ?? "").StartsWith("FiberSqs", StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
