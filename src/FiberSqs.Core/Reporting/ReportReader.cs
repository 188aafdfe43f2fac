using System.Runtime.ExceptionServices;
using CsvHelper;
using FiberSqs.Core.Files;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation;
using Microsoft.Win32.SafeHandles;

namespace FiberSqs.Core.Reporting;

/// <summary>
/// Reads the four tables the report charts (app_logs, network_circuit_metrics, infra_host_metrics, tso_calls) once,
/// streaming: each file is cut at line breaks into pieces read on every core (as the validator does), each worker adds
/// its rows into totals of its own, and the workers' totals are merged at the end. Memory is bounded by the totals
/// (histograms and sums per name and hour), never by the rows. A file that is missing, has another header, or holds
/// other rows than ground_truth.json lists (a truncated copy) is a <see cref="DatasetFolderException"/> (Incomplete).
/// </summary>
internal static class ReportReader
{
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = false, // the first piece of each file skips its header itself
        AllowLineBreaksInQuotes = false,
        SkipEmptyLines = false,
        DetectSeparatorHint = false,
        BufferSize = 1 << 20,
        MaxRecordSize = 1 << 20,
    };

    public static ReportTotals Read(DatasetFolder folder, HourGrid grid, IProgress<ReportProgress>? progress,
        CancellationToken cancel, long chunkBytes = CsvChunk.TargetBytes)
    {
        ArgumentNullException.ThrowIfNull(folder);
        folder.RequireCsvsOf(ReportTotals.Tables);
        var handles = new List<SafeFileHandle>();
        var work = new List<(TableSchema Table, string Path, SafeFileHandle File, CsvChunk Chunk)>();
        var merged = new ReportTotals(grid);
        try
        {
            foreach (var table in ReportTotals.Tables)
            {
                var path = folder.CsvPath(table);
                var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                handles.Add(handle);
                work.AddRange(CsvChunk.Plan(handle, RandomAccess.GetLength(handle), chunkBytes).Select(c => (table, path, handle, c)));
            }

            var total = Math.Max(1, work.Sum(w => w.Chunk.Length));
            long done = 0;
            progress?.Report(new ReportProgress("Reading tables", 0, 0, total));
            var options = new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = Environment.ProcessorCount };
            var ordered = System.Collections.Concurrent.Partitioner.Create(work, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
            try
            {
                Parallel.ForEach(ordered, options, () => new ReportTotals(grid), (w, _, local) =>
                {
                    ReadChunk(w.Table, w.Path, w.File, w.Chunk, local, cancel);
                    var now = Interlocked.Add(ref done, w.Chunk.Length);
                    progress?.Report(new ReportProgress("Reading tables", (int)(now * 95 / total), now, total));
                    return local;
                }, local =>
                {
                    lock (merged)
                    {
                        merged.Merge(local);
                    }
                });
            }
            catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
            {
                throw new OperationCanceledException("The report was cancelled.", e, cancel);
            }
            catch (AggregateException e)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions.First(x => x is not OperationCanceledException)).Throw();
                throw;
            }
        }
        finally
        {
            foreach (var h in handles)
            {
                h.Dispose();
            }
        }

        RequireAllRows(folder, merged);
        return merged;
    }

    private static void ReadChunk(TableSchema table, string path, SafeFileHandle file, CsvChunk chunk, ReportTotals totals,
        CancellationToken cancel)
    {
        try
        {
            using var reader = CsvReader.Create(new FileRangeStream(file, chunk.Start, chunk.End), Options, leaveOpen: false);
            var skipHeader = chunk.Index == 0;
            long rows = 0;
            while (reader.Read())
            {
                if (skipHeader)
                {
                    skipHeader = false;
                    continue;
                }

                if ((++rows & 0xFFFF) == 0)
                {
                    cancel.ThrowIfCancellationRequested();
                }

                totals.Row(table, reader);
            }
        }
        catch (CsvFormatException e)
        {
            throw new DatasetFolderException(DatasetProblem.Incomplete, path,
                $"{path} cannot be read as CSV after byte {chunk.Start:N0}: {Safety.UntrustedText.Escape(e.Message, 300)}", e);
        }
    }

    /// <summary>Every table holds, whole, the rows its answer key lists: a copy cut short fails here rather than
    /// giving a debrief that quietly misses the end of the week.</summary>
    private static void RequireAllRows(DatasetFolder folder, ReportTotals totals)
    {
        foreach (var table in ReportTotals.Tables)
        {
            var expected = folder.ExpectedRows(table);
            var rows = totals.Rows[table.Name];
            var malformed = totals.MalformedRows[table.Name];
            if (rows != expected || malformed > 0)
            {
                var path = folder.CsvPath(table);
                var broken = malformed > 0 ? $" ({malformed:N0} of them without the header's {table.Columns.Count} fields)" : "";
                throw new DatasetFolderException(DatasetProblem.Incomplete, path,
                    $"{path} holds {rows:N0} rows{broken} where {DatasetLayout.GroundTruthFile} lists {expected:N0}: the file is truncated or damaged.");
            }
        }
    }
}
