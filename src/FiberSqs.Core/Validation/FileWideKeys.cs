using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation;

/// <summary>
/// Reads one table's file again for the key sets that only a file scattering a trace's or a transaction's rows needs
/// (span_parents and app_log_transactions count their figures group by group otherwise). The scan does not keep
/// those sets: about 20 M keys at the full default, over 100 MiB, for a case the generator never writes. The file is
/// read in chunks on every core, through the same generic pass, so the rows collected are those the scan saw.
/// </summary>
internal static class FileWideKeys
{
    /// <summary>The merged collector of <paramref name="table"/>'s file, read anew.</summary>
    /// <exception cref="IOException">The file cannot be read to its end, or its length changed since the scan.</exception>
    public static T Read<T>(TableResult table, ScanContext context, long chunkBytes, CancellationToken cancel)
        where T : TableCollector, new()
    {
        using var handle = File.OpenHandle(table.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length != table.Bytes)
        {
            throw new IOException($"{table.Table.FileName} changed while it was validated ({table.Bytes:N0} bytes, now {length:N0}).");
        }

        var chunks = CsvChunk.Plan(handle, length, chunkBytes);
        var scans = new ChunkScan[chunks.Count];
        ParallelScan.Run(() => Parallel.For(0, chunks.Count, new ParallelOptions { CancellationToken = cancel },
            i => scans[i] = ChunkScan.Run(table.Table, handle, chunks[i], context, new T(), cancel)), cancel);

        // Merged in file order, its first failed chunk's error located, as the scan's own result is.
        var reread = new TableResult(table.Table, table.Path) { Exists = true, Bytes = length };
        reread.Add(scans);
        if (reread.Error is { } error)
        {
            throw new IOException($"{table.Table.FileName} could not be read again: {error}");
        }

        return reread.Collector as T ?? new T();
    }
}
