using Microsoft.Win32.SafeHandles;

namespace FiberSqs.Core.Validation;

/// <summary>
/// A byte range of one CSV file that a worker reads on its own: the file is cut at line breaks into pieces of
/// about <see cref="TargetBytes"/>, so a large table is read on every core. Cutting at a line break is exact
/// because the validator reads with line breaks in quoted fields disallowed (the dataset never writes one;
/// a stray one shows as a malformed record instead of swallowing the rest of the file).
/// </summary>
internal sealed record CsvChunk(int Index, long Start, long End)
{
    public const long TargetBytes = 32L << 20;

    public long Length => End - Start;

    /// <summary>The chunks of a file of <paramref name="length"/> bytes; the first one holds the header.</summary>
    public static List<CsvChunk> Plan(SafeFileHandle handle, long length, long targetBytes = TargetBytes)
    {
        var chunks = new List<CsvChunk>();
        long start = 0;
        Span<byte> probe = stackalloc byte[4096];
        while (start < length || chunks.Count == 0)
        {
            var end = Math.Min(length, start + targetBytes);
            if (end < length)
            {
                end = NextLineStart(handle, end - 1, length, probe);
            }

            chunks.Add(new CsvChunk(chunks.Count, start, end));
            start = end;
        }

        return chunks;
    }

    /// <summary>The offset just after the first '\n' at or after <paramref name="from"/>, or the file length.</summary>
    private static long NextLineStart(SafeFileHandle handle, long from, long length, Span<byte> probe)
    {
        var at = from;
        while (at < length)
        {
            var n = RandomAccess.Read(handle, probe, at);
            if (n <= 0)
            {
                break;
            }

            var i = probe[..n].IndexOf((byte)'\n');
            if (i >= 0)
            {
                return at + i + 1;
            }

            at += n;
        }

        return length;
    }
}
