using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Files;

/// <summary>
/// Whether a folder holds nothing but what New-FiberSqsDataset and Import-FiberSqsClickHouse write: the files of
/// <see cref="DatasetLayout.TopLevelFiles"/>, a data/ folder of the tables' CSVs, and temporary files a killed
/// report write left. Anything else (a user's notes, a subfolder, a symbolic link anywhere) makes the folder not
/// ours to delete, whatever marker it carries.
/// </summary>
internal static class DatasetContent
{
    /// <summary>The entries (relative paths) that the module would not have written; empty when there are none.</summary>
    public static IReadOnlyList<string> ForeignEntries(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var foreign = new List<string>();
        var csvNames = TableCatalog.All.Select(t => t.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null)
            {
                foreign.Add(entry.Name + " (a symbolic link)");
            }
            else if (entry is DirectoryInfo folder && entry.Name == DatasetLayout.DataFolder)
            {
                foreign.AddRange(folder.EnumerateFileSystemInfos()
                    .Where(e => e is not FileInfo || e.LinkTarget is not null || !csvNames.Contains(e.Name))
                    .Select(e => DatasetLayout.DataFolder + "/" + e.Name + (e.LinkTarget is not null ? " (a symbolic link)" : "")));
            }
            else if (entry is not FileInfo || !(DatasetLayout.TopLevelFiles.Contains(entry.Name) || AtomicFile.IsTempName(entry.Name)))
            {
                foreign.Add(entry.Name);
            }
        }

        return foreign;
    }

    /// <summary>Bytes of the regular files under <paramref name="root"/>, never following a symbolic link.</summary>
    public static long Size(string root)
    {
        long bytes = 0;
        var pending = new Stack<DirectoryInfo>();
        pending.Push(new DirectoryInfo(root));
        while (pending.Count > 0)
        {
            foreach (var entry in pending.Pop().EnumerateFileSystemInfos())
            {
                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                if (entry is FileInfo file)
                {
                    bytes += file.Length;
                }
                else if (entry is DirectoryInfo folder)
                {
                    pending.Push(folder);
                }
            }
        }

        return bytes;
    }
}
