using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using FiberSqs.Core.Files;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation.Collectors;
using Microsoft.Win32.SafeHandles;

namespace FiberSqs.Core.Validation;

/// <summary>
/// Validates a dataset folder against its answer key (docs/validation.md): reads every CSV once, streaming, in chunks
/// spread over every core, and evaluates each check with its figures and threshold. Memory holds ids only as
/// 64-bit keys (about 8 bytes per transaction id and per span), never rows or strings.
/// </summary>
internal static class DatasetValidator
{
    /// <summary>Validates the dataset at <paramref name="datasetPath"/>.</summary>
    /// <exception cref="DatasetFolderException">The path is missing, is not a dataset, or its ground_truth.json cannot
    /// be read (<see cref="DatasetFolder.Open"/>). Damaged or missing CSVs are failed checks, not exceptions.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled.</exception>
    public static ValidationReport Validate(string datasetPath, IProgress<ValidationProgress>? progress = null,
        CancellationToken cancel = default) => Validate(DatasetFolder.Open(datasetPath), CsvChunk.TargetBytes, progress, cancel);

    /// <summary>Validates an opened dataset folder.</summary>
    public static ValidationReport Validate(DatasetFolder folder, IProgress<ValidationProgress>? progress = null,
        CancellationToken cancel = default) => Validate(folder, CsvChunk.TargetBytes, progress, cancel);

    /// <summary>As the public overloads, with the size of the pieces large files are cut into (tests use small ones).</summary>
    internal static ValidationReport Validate(string datasetPath, long chunkBytes, IProgress<ValidationProgress>? progress,
        CancellationToken cancel) => Validate(DatasetFolder.Open(datasetPath), chunkBytes, progress, cancel);

    /// <summary>Validates a dataset just written, whose shard-written tables <paramref name="written"/> scanned from
    /// memory: only their files' lengths and the other tables' files are read.</summary>
    internal static ValidationReport Validate(string datasetPath, WriteTimeScan written, IProgress<ValidationProgress>? progress,
        CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(written);
        return Validate(DatasetFolder.Open(datasetPath), CsvChunk.TargetBytes, progress, cancel, written);
    }

    private static ValidationReport Validate(DatasetFolder folder, long chunkBytes, IProgress<ValidationProgress>? progress,
        CancellationToken cancel, WriteTimeScan? written = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var clock = Stopwatch.StartNew();
        var truth = folder.GroundTruth;
        ScanContext context;
        try
        {
            context = written?.Context ?? new ScanContext(truth);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetFolderException(DatasetProblem.GroundTruthUnreadable, DatasetLayout.GroundTruthPath(folder.Root), e.Message, e);
        }

        var root = folder.Root;
        var tables = folder.Tables;
        var results = Scan(root, tables, context, chunkBytes, written, progress, cancel);

        progress?.Report(new ValidationProgress("Checking", 99, results.Values.Sum(r => r.Bytes), results.Values.Sum(r => r.Bytes)));
        var checker = new DatasetChecks(truth, context, results, chunkBytes, cancel);
        var checks = checker.Run();
        return new ValidationReport(root, checks, clock.Elapsed, DatasetChecks.OriginalSections(checks, checker));
    }

    /// <summary>Reads every table's file in chunks, on every core.</summary>
    private static Dictionary<TableSchema, TableResult> Scan(string root, IReadOnlyList<TableSchema> tables, ScanContext context,
        long chunkBytes, WriteTimeScan? written, IProgress<ValidationProgress>? progress, CancellationToken cancel)
    {
        var results = tables.ToDictionary(t => t, t => new TableResult(t, DatasetLayout.CsvPath(root, t)));
        var handles = new List<SafeFileHandle>();
        var work = new List<(TableSchema Table, SafeFileHandle File, CsvChunk Chunk)>();
        try
        {
            foreach (var (table, result) in results)
            {
                if (!File.Exists(result.Path))
                {
                    continue;
                }

                result.Exists = true;
                try
                {
                    var handle = File.OpenHandle(result.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
                    handles.Add(handle);
                    result.Bytes = RandomAccess.GetLength(handle);
                    result.EndsWithNewline = EndsWithNewline(handle, result.Bytes);
                    if (written is not null && written.Covers(table))
                    {
                        // Scanned from memory as it was written: the file must hold exactly those bytes.
                        var scanned = written.BytesOf(table);
                        result.Error = result.Bytes == scanned ? null
                            : $"the file holds {result.Bytes:N0} bytes where {scanned:N0} were written";
                        continue;
                    }

                    work.AddRange(CsvChunk.Plan(handle, result.Bytes, chunkBytes).Select(c => (table, handle, c)));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    result.Error = e.Message;
                }
            }

            var total = Math.Max(1, work.Sum(w => w.Chunk.Length));
            long done = 0;
            var scans = new ConcurrentBag<(TableSchema Table, ChunkScan Scan)>();
            progress?.Report(new ValidationProgress("Reading tables", 0, 0, total));
            var options = new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = Environment.ProcessorCount };
            var ordered = System.Collections.Concurrent.Partitioner.Create(work, EnumerablePartitionerOptions.NoBuffering);
            ParallelScan.Run(() => Parallel.ForEach(ordered, options, w =>
            {
                var scan = ChunkScan.Run(w.Table, w.File, w.Chunk, context, CreateCollector(w.Table, context), cancel);
                scans.Add((w.Table, scan));
                var now = Interlocked.Add(ref done, w.Chunk.Length);
                progress?.Report(new ValidationProgress("Reading tables", (int)(now * 98 / total), now, total));
            }), cancel);

            foreach (var table in tables.Where(t => written?.Covers(t) == true && results[t].Exists))
            {
                foreach (var chunk in written!.ChunksOf(table))
                {
                    scans.Add((table, chunk));
                }
            }

            foreach (var group in scans.GroupBy(s => s.Table))
            {
                results[group.Key].Add(group.Select(g => g.Scan));
            }
        }
        finally
        {
            foreach (var h in handles)
            {
                h.Dispose();
            }
        }

        return results;
    }

    /// <summary>The collector of a table's checks (null: the generic pass only).</summary>
    internal static TableCollector? CreateCollector(TableSchema table, ScanContext context) => table.Name switch
    {
        "app_logs" => new AppLogCollector(context),
        "trace_spans" => new TraceSpanCollector(context),
        "network_events" => new NetworkEventCollector(),
        "txn_facts" => new TxnFactCollector(),
        "tso_calls" => new TsoCallCollector(),
        "network_circuit_metrics" => new CircuitMetricCollector(context),
        "infra_host_metrics" => new HostMetricCollector(context),
        _ => null,
    };

    private static bool EndsWithNewline(SafeFileHandle handle, long length)
    {
        if (length == 0)
        {
            return false;
        }

        Span<byte> last = stackalloc byte[1];
        return RandomAccess.Read(handle, last, length - 1) == 1 && last[0] == (byte)'\n';
    }
}
