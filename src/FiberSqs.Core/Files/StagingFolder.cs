using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FiberSqs.Core.Files;

/// <summary>
/// The folder New-FiberSqsDataset writes a dataset into before swapping it in: <c>.&lt;target&gt;.fibersqs-staging-&lt;random&gt;</c>
/// beside the target, created exclusively (so a folder planted under the name is never written into), holding an
/// owner file (process id, its start time, host) and <c>dataset/</c>. When a dataset is replaced, the previous one is
/// moved into <c>previous/</c> before the new one moves into place, and the whole folder is deleted after. A killed
/// run leaves the folder; <see cref="FindLeftovers"/> recognises it by name, owner file and a dead owner, and
/// <see cref="RemoveLeftover"/> puts back a previous dataset that a kill mid-swap left aside, then deletes the rest.
/// </summary>
internal sealed partial class StagingFolder
{
    public const string OwnerFile = ".fibersqs-owner";
    private const string DatasetName = "dataset";
    private const string PreviousName = "previous";
    private const string Infix = ".fibersqs-staging-";
    private const int MaxOwnerFileBytes = 4096;

    private StagingFolder(string path, string target)
    {
        FolderPath = path;
        Target = target;
    }

    /// <summary>The staging folder itself.</summary>
    public string FolderPath { get; }

    /// <summary>Where the dataset is written.</summary>
    public string DatasetPath => Path.Combine(FolderPath, DatasetName);

    /// <summary>The dataset folder this staging folder is for.</summary>
    public string Target { get; }

    /// <summary>How folders are moved (a test makes a move fail to see the previous dataset put back).</summary>
    internal Action<string, string> MoveDirectory { get; init; } = Directory.Move;

    /// <summary>Creates a new staging folder for <paramref name="target"/> (with its owner file; the dataset folder is
    /// created by the generator).</summary>
    public static StagingFolder Create(string target) => Create(target, Directory.Move);

    internal static StagingFolder Create(string target, Action<string, string> move)
    {
        ArgumentNullException.ThrowIfNull(target);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(full) ?? full;
        Directory.CreateDirectory(parent);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var path = Path.Combine(parent, "." + Path.GetFileName(full) + Infix + AtomicFile.RandomToken());
            if (!ExclusiveDirectory.TryCreate(path))
            {
                continue;
            }

            var owner = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
            {
                ["pid"] = Environment.ProcessId,
                ["process_start_utc"] = StartTime(Process.GetCurrentProcess()) ?? "",
                ["host"] = Environment.MachineName,
                ["note"] = "New-FiberSqsDataset writes here; a later run removes this folder once this process is gone.",
            });
            using (var file = new FileStream(Path.Combine(path, OwnerFile), FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(owner);
            }

            return new StagingFolder(path, full) { MoveDirectory = move };
        }

        throw new IOException($"Could not create a staging folder beside '{full}': every name tried was taken.");
    }

    /// <summary>Moves the written dataset into place and returns where it is now. A previous dataset (when
    /// <paramref name="replacing"/>) is moved aside into this folder first and put back if the move fails; the folder,
    /// with the previous dataset, is deleted once the new one is in place.</summary>
    public string Commit(bool replacing)
    {
        if (replacing)
        {
            var previous = Path.Combine(FolderPath, PreviousName);
            MoveDirectory(Target, previous);
            try
            {
                MoveDirectory(DatasetPath, Target);
            }
            catch
            {
                MoveDirectory(previous, Target); // put the previous dataset back
                throw;
            }
        }
        else
        {
            if (Directory.Exists(Target))
            {
                Directory.Delete(Target); // empty: checked by the caller, and a non-empty one fails here
            }

            MoveDirectory(DatasetPath, Target);
        }

        Directory.Delete(FolderPath, recursive: true);
        return Target;
    }

    /// <summary>A path inside the staged dataset, as it will be once committed.</summary>
    public string Final(string stagedPath) => Path.Combine(Target, Path.GetRelativePath(DatasetPath, stagedPath));

    /// <summary>Gives up: deletes the folder and what it holds (a failed or stopped run), quietly.</summary>
    public void RollBack() => DeleteQuietly();

    private void DeleteQuietly()
    {
        try
        {
            if (Directory.Exists(FolderPath))
            {
                Directory.Delete(FolderPath, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // the next run finds it (its owner gone) and removes it
        }
    }

    /// <summary>Staging folders in <paramref name="parent"/> that a run which no longer runs left behind: named as this
    /// class names them, a real folder (not a link) holding a readable owner file whose process, on this host, is gone.
    /// Also those of earlier versions (<c>.&lt;target&gt;.fibersqs-staging-&lt;pid&gt;</c> and <c>-old-&lt;pid&gt;</c>, without an owner
    /// file) whose process is gone and which hold nothing but dataset files.</summary>
    public static IReadOnlyList<StagingLeftover> FindLeftovers(string parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var found = new List<StagingLeftover>();
        if (!Directory.Exists(parent))
        {
            return found;
        }

        foreach (var folder in new DirectoryInfo(parent).EnumerateDirectories(".*.fibersqs-*"))
        {
            if (folder.LinkTarget is not null)
            {
                continue;
            }

            var current = CurrentName().Match(folder.Name);
            var legacy = LegacyName().Match(folder.Name);
            var target = Path.Combine(parent, current.Success ? current.Groups[1].Value : legacy.Groups[1].Value);
            if (current.Success && OwnerIsGone(folder.FullName))
            {
                var previous = Path.Combine(folder.FullName, PreviousName);
                found.Add(new StagingLeftover(folder.FullName, target, Directory.Exists(previous) ? previous : null));
            }
            else if (legacy.Success && !IsRunning(int.Parse(legacy.Groups[3].Value, CultureInfo.InvariantCulture), null) &&
                     DatasetContent.ForeignEntries(folder.FullName).Count == 0)
            {
                found.Add(new StagingLeftover(folder.FullName, target, legacy.Groups[2].Value == "old" ? folder.FullName : null));
            }
        }

        return found;
    }

    /// <summary>Removes a leftover: a previous dataset it holds goes back to its folder when that folder is missing (a
    /// kill between the two moves of a swap); everything else is deleted. Returns the bytes freed.</summary>
    public static long RemoveLeftover(StagingLeftover leftover)
    {
        ArgumentNullException.ThrowIfNull(leftover);
        var restored = false;
        if (leftover.PreviousDataset is not null && !Directory.Exists(leftover.Target) && !File.Exists(leftover.Target))
        {
            Directory.Move(leftover.PreviousDataset, leftover.Target);
            restored = true;
        }

        if (restored && leftover.PreviousDataset == leftover.FolderPath)
        {
            return 0;
        }

        var bytes = DatasetContent.Size(leftover.FolderPath);
        Directory.Delete(leftover.FolderPath, recursive: true);
        return bytes;
    }

    private static bool OwnerIsGone(string folder)
    {
        var owner = new FileInfo(Path.Combine(folder, OwnerFile));
        if (!owner.Exists || owner.LinkTarget is not null || owner.Length > MaxOwnerFileBytes)
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(owner.FullName));
            var root = doc.RootElement;
            return root.GetProperty("host").GetString() == Environment.MachineName &&
                   !IsRunning(root.GetProperty("pid").GetInt32(), root.GetProperty("process_start_utc").GetString());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IOException)
        {
            return false; // not an owner file this module wrote: not ours to judge
        }
    }

    /// <summary>True when process <paramref name="pid"/> runs and (when known) started at <paramref name="started"/>, so a
    /// reused process id is not taken for the owner.</summary>
    private static bool IsRunning(int pid, string? started)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return string.IsNullOrEmpty(started) || StartTime(process) is not { } actual || actual == started;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? StartTime(Process process)
    {
        try
        {
            return process.StartTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\A\.(.+)\.fibersqs-staging-[0-9a-f]{16}\z")]
    private static partial Regex CurrentName();

    [GeneratedRegex(@"\A\.(.+)\.fibersqs-(staging|old)-([0-9]{1,9})\z")]
    private static partial Regex LegacyName();
}
