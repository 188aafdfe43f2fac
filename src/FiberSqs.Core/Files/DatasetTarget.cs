using FiberSqs.Core.Safety;

namespace FiberSqs.Core.Files;

/// <summary>Where a new dataset goes, checked before anything is written: a new or empty folder, or (when
/// replacing is asked for) a folder this module wrote that holds nothing else and is not a link.</summary>
internal static class DatasetTarget
{
    /// <summary>True when an existing dataset will be replaced; throws <see cref="DatasetTargetException"/> when the
    /// target cannot be written.</summary>
    public static bool Check(string target, bool replace)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (File.Exists(target))
        {
            throw new DatasetTargetException(TargetProblem.IsFile, target, $"'{target}' is a file, not a folder.");
        }

        if (new DirectoryInfo(target).LinkTarget is not null)
        {
            throw NotOwned(target, "is a symbolic link; the module never writes or deletes through a link it did not create");
        }

        if (!Directory.Exists(target) || !Directory.EnumerateFileSystemEntries(target).Any())
        {
            return false;
        }

        if (!DatasetMarker.IsPresent(target))
        {
            throw NotOwned(target, "is not empty and was not written by FiberSqs");
        }

        var foreign = DatasetContent.ForeignEntries(target);
        if (foreign.Count > 0)
        {
            throw NotOwned(target, $"holds what New-FiberSqsDataset did not write ({string.Join(", ", foreign.Take(5).Select(f => UntrustedText.Escape(f, 100)))}" +
                (foreign.Count > 5 ? $" and {foreign.Count - 5} more" : "") + ")");
        }

        return replace ? true : throw new DatasetTargetException(TargetProblem.AlreadyExists, target, $"'{target}' already holds a FiberSqs dataset.");
    }

    private static DatasetTargetException NotOwned(string target, string why) =>
        new(TargetProblem.NotOwned, target, $"'{target}' {why}; it is left alone.");
}
