using System.Collections.Concurrent;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation;

/// <summary>
/// The validator's reading pass done while a dataset is written, on each shard's bytes just before they go to the file,
/// so that the files are not read back. A table's header is chunk 0 of its file and shard <c>s</c>'s rows are chunk
/// <c>s + 1</c>: the same bytes, in the same order, as a read of the file would see, scanned by the worker that generated
/// them. Only the tables written shard by shard are scanned here; the validator reads the others (small) from their
/// files. Each file must then hold exactly the bytes scanned, or its table is reported unreadable.
/// </summary>
internal sealed class WriteTimeScan
{
    private readonly ConcurrentDictionary<TableSchema, ConcurrentBag<ChunkScan>> _scans = new();
    private readonly ConcurrentDictionary<TableSchema, long> _bytes = new();
    private ScanContext? _context;

    /// <summary>What the collectors judge rows by: the answer key's plan (window, incident, bursts, red herrings),
    /// which is fixed before the first row is written.</summary>
    public ScanContext Context => _context ?? throw new InvalidOperationException("The scan has not started.");

    /// <summary>Starts the scan of <paramref name="tables"/> with the answer key as planned (its observed figures
    /// are not known yet and not read by the scan).</summary>
    public void Start(GroundTruth plannedTruth, IEnumerable<TableSchema> tables)
    {
        ArgumentNullException.ThrowIfNull(plannedTruth);
        ArgumentNullException.ThrowIfNull(tables);
        _context = new ScanContext(plannedTruth);
        foreach (var table in tables)
        {
            _scans[table] = [];
            _bytes[table] = 0;
        }
    }

    /// <summary>Whether <paramref name="table"/>'s bytes were scanned while written.</summary>
    public bool Covers(TableSchema table) => _scans.ContainsKey(table);

    /// <summary>The chunks of a covered table, in any order.</summary>
    public IReadOnlyCollection<ChunkScan> ChunksOf(TableSchema table) => _scans[table];

    /// <summary>The bytes scanned of a covered table: its file's length when every byte was written.</summary>
    public long BytesOf(TableSchema table) => _bytes[table];

    /// <summary>Scans a table's header row, the first bytes of its file.</summary>
    public void Header(TableSchema table, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Add(table, 0, () => new MemoryStream(bytes, writable: false), bytes.Length, CancellationToken.None);
    }

    /// <summary>Scans shard <paramref name="shard"/>'s rows of a table (the <paramref name="length"/> bytes
    /// <paramref name="open"/> reads), from any thread.</summary>
    public void Shard(TableSchema table, int shard, Func<Stream> open, long length, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        Add(table, shard + 1, open, length, cancel);
    }

    private void Add(TableSchema table, int index, Func<Stream> open, long length, CancellationToken cancel)
    {
        var chunks = _scans.TryGetValue(table, out var c) ? c
            : throw new InvalidOperationException($"The table {table.Name} is not scanned while written.");
        // A chunk read from memory has no file offsets: its place in the file is its index.
        var chunk = new CsvChunk(index, 0, length);
        chunks.Add(ChunkScan.Run(table, open, chunk,
            Context, DatasetValidator.CreateCollector(table, Context), cancel));
        _bytes.AddOrUpdate(table, length, (_, sum) => sum + length);
    }
}
