using System.Runtime.InteropServices;

namespace FiberSqs.Core.Files;

/// <summary>
/// Creates a folder that did not exist before: on Unix with mkdir(2), which fails when anything (a folder, a file,
/// a symbolic link) already has the name, so a folder someone planted under a guessed name is never written into.
/// .NET's Directory.CreateDirectory succeeds silently on an existing folder, so it is only the fallback elsewhere.
/// </summary>
internal static partial class ExclusiveDirectory
{
    private const int EEXIST = 17;

    /// <summary>Creates <paramref name="path"/>; false when the name is taken. Other failures throw <see cref="IOException"/>.</summary>
    public static bool TryCreate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsWindows())
        {
            // 0777 before the umask: the folder gets the permissions any folder the user creates gets.
            if (NativeMethods.mkdir(path, Convert.ToUInt32("777", 8)) == 0)
            {
                return true;
            }

            var errno = Marshal.GetLastPInvokeError();
            return errno == EEXIST ? false : throw new IOException($"Cannot create the folder '{path}': {Marshal.GetPInvokeErrorMessage(errno)}.");
        }

        if (Directory.Exists(path) || File.Exists(path))
        {
            return false;
        }

        Directory.CreateDirectory(path);
        return true;
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static partial int mkdir(string path, uint mode);
    }
}
