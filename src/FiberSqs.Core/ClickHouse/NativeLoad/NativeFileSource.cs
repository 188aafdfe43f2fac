using FiberSqs.Core.Validation;
using Microsoft.Win32.SafeHandles;

namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>
/// One CSV file as the fast load reads it: its chunks (cut at line breaks, <see cref="CsvChunk"/>), handed out one at
/// a time to the file's concurrent INSERTs, and the first problem one of them met (a value the fast load cannot
/// reproduce), after which every INSERT of the file stops taking chunks.
/// </summary>
internal sealed class NativeFileSource : IDisposable
{
    private readonly List<CsvChunk> _chunks;
    private int _next = -1;
    private FastLoadProblem? _problem;

    public NativeFileSource(ImportFile file, NativeTableLayout layout, ServerNumberParsing parsing, int blockRows, long chunkBytes = CsvChunk.TargetBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        File = file;
        Layout = layout;
        Parsing = parsing;
        BlockRows = blockRows;
        Handle = System.IO.File.OpenHandle(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        _chunks = CsvChunk.Plan(Handle, RandomAccess.GetLength(Handle), chunkBytes);
    }

    public ImportFile File { get; }

    public NativeTableLayout Layout { get; }

    public ServerNumberParsing Parsing { get; }

    public int BlockRows { get; }

    public SafeFileHandle Handle { get; }

    public int ChunkCount => _chunks.Count;

    /// <summary>The first value the fast load could not reproduce, once one was met.</summary>
    public FastLoadProblem? Problem => Volatile.Read(ref _problem);

    /// <summary>The next chunk to read, unless every chunk is taken or a problem stopped the file.</summary>
    public bool TryTake(out CsvChunk chunk)
    {
        chunk = null!;
        if (Problem is not null)
        {
            return false;
        }

        var index = Interlocked.Increment(ref _next);
        if (index >= _chunks.Count)
        {
            return false;
        }

        chunk = _chunks[index];
        return true;
    }

    /// <summary>Records a problem (the first one wins) so that the file's INSERTs stop.</summary>
    public void Fail(FastLoadProblem problem) => Interlocked.CompareExchange(ref _problem, problem, null);

    /// <summary>The line breaks before <paramref name="offset"/> (read only to say where a problem is).</summary>
    public long LinesBefore(long offset)
    {
        var buffer = new byte[1 << 20];
        long lines = 0;
        for (long at = 0; at < offset;)
        {
            var n = RandomAccess.Read(Handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, offset - at)), at);
            if (n <= 0)
            {
                break;
            }

            lines += buffer.AsSpan(0, n).Count((byte)'\n');
            at += n;
        }

        return lines;
    }

    public void Dispose() => Handle.Dispose();
}
