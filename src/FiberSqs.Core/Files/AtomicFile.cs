using System.Security.Cryptography;

namespace FiberSqs.Core.Files;

/// <summary>
/// Writes a file so that a reader sees the old one or the new one, never half of it, and so that nothing planted
/// under the file's name is followed: the bytes go to a new file with an unpredictable name in the same folder,
/// created exclusively (an existing file or symbolic link of that name fails the creation instead of being opened),
/// which is then renamed over the target. A rename replaces a symbolic link itself, not the file it points at.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The temporary files' names: <c>.&lt;file&gt;.fibersqs-tmp-&lt;random&gt;</c>.</summary>
    public const string TempMarker = ".fibersqs-tmp-";

    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var temp = TempPath(path);
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        try
        {
            using (stream)
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp); // ours: it was created just above
            throw;
        }
    }

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, s => s.Write(bytes));

    /// <summary>Null when a file can be written into <paramref name="folder"/> (probed by creating and removing a
    /// temporary file), else why not.</summary>
    public static string? WhyNotWritable(string folder)
    {
        var temp = TempPath(Path.Combine(folder, "probe"));
        try
        {
            using (new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
            }

            File.Delete(temp);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    /// <summary>True for a name this class gives its temporary files (one a killed process may have left).</summary>
    public static bool IsTempName(string name) =>
        name.StartsWith('.') && name.Contains(TempMarker, StringComparison.Ordinal);

    private static string TempPath(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Path.Combine(folder, "." + Path.GetFileName(path) + TempMarker + RandomToken());
    }

    /// <summary>16 hex digits from the system's cryptographic generator: a name nobody can plant in advance.</summary>
    public static string RandomToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
}
