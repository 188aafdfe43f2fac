using System.IO.Compression;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Files;

/// <summary>
/// The participants' zip: README.md and data/, never the answer key or the validation summary. Entries in a fixed
/// order with a fixed timestamp (the window's end), so the same files give the same zip bytes on a given runtime.
/// </summary>
internal static class ParticipantBundle
{
    public static readonly DateTimeOffset EntryTime = new(Scenario.WindowEnd);

    public static string Write(string root, IReadOnlyList<TableSchema> tables, CancellationToken cancel = default)
    {
        var zipPath = Path.Combine(root, DatasetLayout.ZipFile);
        using var file = new FileStream(zipPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            Add(zip, Path.Combine(root, DatasetLayout.ReadmeFile), DatasetLayout.ReadmeFile, cancel);
            foreach (var table in tables)
            {
                Add(zip, DatasetLayout.CsvPath(root, table), DatasetLayout.DataFolder + "/" + table.FileName, cancel);
            }
        }

        return zipPath;
    }

    private static void Add(ZipArchive zip, string source, string name, CancellationToken cancel)
    {
        cancel.ThrowIfCancellationRequested();
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = EntryTime;
        using var input = File.OpenRead(source);
        using var output = entry.Open();
        input.CopyTo(output, 1 << 20);
    }
}
