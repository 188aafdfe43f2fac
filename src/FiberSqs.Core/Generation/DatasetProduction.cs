using FiberSqs.Core.Files;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Generation;

/// <summary>
/// The whole life of writing a dataset folder, so that no cmdlet holds it: a staging folder beside the target
/// (<see cref="StagingFolder"/>), generation into it, the validation of what was written (saved as
/// validation_summary.json), the swap into place, or the roll back on any failure or cancellation. The previous
/// dataset is never lost: it is replaced only once the new one is complete, and put back if the swap fails.
/// </summary>
internal static class DatasetProduction
{
    /// <summary>Removes the staging folders that killed runs left beside <paramref name="target"/> (whose owner process
    /// is gone), asking <paramref name="approve"/> for each; returns the ones removed with the bytes freed (and whether a
    /// previous dataset was put back first).</summary>
    public static IReadOnlyList<(StagingLeftover Leftover, long BytesFreed, bool Restored)> RemoveLeftovers(
        string target, Func<StagingLeftover, bool> approve)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(approve);
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(target)));
        var removed = new List<(StagingLeftover, long, bool)>();
        if (parent is null)
        {
            return removed;
        }

        foreach (var leftover in StagingFolder.FindLeftovers(parent).Where(approve))
        {
            var restores = WouldRestore(leftover);
            removed.Add((leftover, StagingFolder.RemoveLeftover(leftover), restores));
        }

        return removed;
    }

    /// <summary>True when removing the leftover first puts back a dataset a stopped swap had moved aside.</summary>
    public static bool WouldRestore(StagingLeftover leftover)
    {
        ArgumentNullException.ThrowIfNull(leftover);
        return leftover.PreviousDataset is not null && !Directory.Exists(leftover.Target);
    }

    /// <summary>Writes, validates and swaps in a dataset at <paramref name="target"/> (checked first with
    /// <see cref="DatasetTarget.Check"/>). Throws <see cref="DatasetTargetException"/> before anything is written,
    /// IOException when writing fails, OperationCanceledException when cancelled; the target is unchanged then.</summary>
    public static ProducedDataset Run(string target, DatasetOptions options, bool replace,
        IProgress<GenerationProgress>? progress = null, CancellationToken cancel = default) =>
        Run(target, options, replace, Directory.Move, progress, cancel);

    /// <summary>As <see cref="Run(string, DatasetOptions, bool, IProgress{GenerationProgress}?, CancellationToken)"/>, with
    /// the folder move a test can make fail.</summary>
    internal static ProducedDataset Run(string target, DatasetOptions options, bool replace, Action<string, string> move,
        IProgress<GenerationProgress>? progress, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var full = Path.GetFullPath(target);
        var replacing = DatasetTarget.Check(full, replace);
        var staging = StagingFolder.Create(full, move);
        try
        {
            // The validator reads the shard-written tables from memory as they are written (the files are not read
            // back); what is left of it (the two small tables, then the checks) runs once the folder is complete.
            var scan = new WriteTimeScan();
            var written = DatasetGenerator.Generate(staging.DatasetPath, options, scan, progress, cancel);
            // The writers' buffers are garbage now; hand them back before the validator builds its indexes.
            ReturnMemory();
            var validation = DatasetValidator.Validate(staging.DatasetPath, scan,
                progress is null ? null : new ForwardingProgress<ValidationProgress>(p => progress.Report(
                    new GenerationProgress("Validating: " + p.Stage, Math.Clamp(p.PercentComplete, 0, 100), written.TotalRows))),
                cancel);
            validation.Save(Path.Combine(staging.DatasetPath, DatasetLayout.ValidationSummaryFile));
            // The validator's key sets are garbage now: hand them back too, so that the next command of a pipeline
            // (`New-FiberSqsDataset | Import-FiberSqsClickHouse` runs both in one process) starts from a small heap.
            ReturnMemory();
            cancel.ThrowIfCancellationRequested();
            staging.Commit(replacing);
            var final = new GenerationResult
            {
                Path = full,
                Options = written.Options,
                Tables = [.. written.Tables.Select(t => t with { Path = staging.Final(t.Path) })],
                GroundTruth = written.GroundTruth,
                ZipPath = written.ZipPath is null ? null : staging.Final(written.ZipPath),
                Elapsed = written.Elapsed,
            };
            return new ProducedDataset(final, new ValidationReport(full, validation.Checks, validation.Elapsed, validation.Sections), replacing);
        }
        catch
        {
            staging.RollBack();
            throw;
        }
    }

    /// <summary>A full compacting collection, the large object heap included, so freed memory goes back to the system.</summary>
    private static void ReturnMemory()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers(); // what only a finalizer lets go of (thread-local lists) goes in the second pass
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
