using System.Management.Automation;
using FiberSqs.Completers;
using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Validation;

namespace FiberSqs.Commands;

/// <summary>
/// New-FiberSqsDataset: writes a dataset folder (CSV tables, README.md, ground_truth.json, optional zip).
/// It writes into a staging folder beside the target (<see cref="StagingFolder"/>) and swaps it in only when complete,
/// so a failed or cancelled run never leaves half a dataset; a staging folder a killed run left is removed by the
/// next run, with a warning. -Force replaces only a folder this module wrote that holds nothing else.
/// </summary>
[Cmdlet(VerbsCommon.New, "FiberSqsDataset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FiberSqsDatasetInfo))]
public sealed class NewFiberSqsDatasetCommand : FiberSqsCmdlet
{
    private const int ActivityId = 1;

    /// <summary>The dataset folder to write.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [Alias("Path")]
    public string OutputPath { get; set; } = "";

    /// <summary>Same seed and parameters give byte-identical files.</summary>
    [Parameter]
    [ValidateRange(0L, long.MaxValue)]
    public long Seed { get; set; } = 7;

    /// <summary>Target app-log rows before scaling.</summary>
    [Parameter]
    [ValidateRange(1L, DatasetOptions.MaxAppLogRowTarget)]
    public long AppLogRows { get; set; } = DatasetOptions.DefaultAppLogRows;

    /// <summary>Multiplier on AppLogRows (0.001 for a quick run).</summary>
    [Parameter]
    [ValidateRange(0.000001, 1000.0)]
    [ArgumentCompleter(typeof(ScaleLogsCompleter))]
    public double ScaleLogs { get; set; } = 1.0;

    /// <summary>Also write service_metrics, network_events and txn_facts.</summary>
    [Parameter]
    public SwitchParameter EnableTier2 { get; set; }

    /// <summary>Also write the participants' zip (README.md and data/, no answer key).</summary>
    [Parameter]
    public SwitchParameter Zip { get; set; }

    /// <summary>Replace an existing dataset folder written by this module.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (!TryResolveFileSystemPath(OutputPath, "-OutputPath", out var target, out var pathError))
        {
            ThrowTerminatingError(pathError!);
            return;
        }

        var options = new DatasetOptions
        {
            Seed = Seed,
            AppLogRows = AppLogRows,
            ScaleLogs = ScaleLogs,
            EnableTier2 = EnableTier2.IsPresent,
            Zip = Zip.IsPresent,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            ThrowTerminatingError(Error(e, ErrorIds.RowTargetOutOfRange, ErrorCategory.InvalidArgument, options.AppLogRowTarget,
                $"Choose -AppLogRows and -ScaleLogs whose product is between 100 and {DatasetOptions.MaxAppLogRowTarget:N0}."));
        }

        RemoveLeftovers(target);
        var replacing = CheckTarget(target);
        var action = replacing
            ? $"Replace the FiberSqs dataset (seed {Seed}, {options.AppLogRowTarget:N0} app-log rows)"
            : $"Write a FiberSqs dataset (seed {Seed}, {options.AppLogRowTarget:N0} app-log rows)";
        if (!ShouldProcess(target, action))
        {
            return;
        }

        StagingFolder staging;
        try
        {
            staging = StagingFolder.Create(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(Error(e, ErrorIds.DatasetWriteFailed, ErrorCategory.WriteError, target,
                "Check that the output folder's parent exists and can be written, then run the command again. Nothing that existed was changed."));
            return;
        }

        WriteVerbose($"Generating into staging folder {staging.DatasetPath}.");
        GenerationResult result;
        ValidationReport validation;
        try
        {
            result = RunWithProgress<GenerationProgress, GenerationResult>(
                progress => DatasetGenerator.Generate(staging.DatasetPath, options, progress, CancelToken),
                p => new ProgressRecord(ActivityId, "New-FiberSqsDataset", $"{p.Stage}: {p.RowsWritten:N0} rows")
                {
                    PercentComplete = p.PercentComplete,
                });
            WriteVerbose($"Wrote {result.TotalRows:N0} rows ({result.TotalBytes / 1e6:N1} MB) in {result.Elapsed.TotalSeconds:N1} s.");
            // The writers' buffers are garbage now; hand them back before the validator builds its indexes,
            // so that peak memory is the larger of the two phases rather than their sum.
            System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            WriteVerbose("Validating the written files.");
            validation = RunWithProgress<ValidationProgress, ValidationReport>(
                progress => DatasetValidator.Validate(staging.DatasetPath, progress, CancelToken),
                p => new ProgressRecord(ActivityId, "New-FiberSqsDataset", $"Validating: {p.Stage}")
                {
                    PercentComplete = Math.Clamp(p.PercentComplete, 0, 100),
                });
            validation.Save(Path.Combine(staging.DatasetPath, DatasetLayout.ValidationSummaryFile));
            WriteVerbose($"Validation {(validation.Passed ? "passed" : "FAILED")}: {validation.Checks.Count(c => c.Passed)} of {validation.Checks.Count} checks in {validation.Elapsed.TotalSeconds:N1} s.");
            staging.SwapIn(replacing);
            if (replacing)
            {
                WriteVerbose($"Replaced the previous dataset in {target}.");
            }
        }
        catch (OperationCanceledException)
        {
            staging.DeleteQuietly();
            throw new PipelineStoppedException();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            staging.DeleteQuietly();
            ThrowTerminatingError(Error(e, ErrorIds.DatasetWriteFailed, ErrorCategory.WriteError, target,
                "Check free disk space and permissions on the output folder's parent, then run the command again. Nothing that existed was changed."));
            return;
        }
        catch
        {
            staging.DeleteQuietly();
            throw;
        }
        finally
        {
            WriteProgress(new ProgressRecord(ActivityId, "New-FiberSqsDataset", "Done") { RecordType = ProgressRecordType.Completed });
        }

        validation = new ValidationReport(target, validation.Checks, validation.Elapsed, validation.Sections);
        WriteObject(new FiberSqsDatasetInfo(Rebase(result, staging.DatasetPath, target), validation, clock.Elapsed));
        if (!validation.Passed)
        {
            // The files stay for inspection; the failure is an error a script sees (and $? is false).
            var failed = string.Join("; ", validation.FailedChecks.Select(c => $"{c.Name}: {c.Message}"));
            WriteError(Error(new InvalidDataException($"The dataset in '{target}' was written but failed validation: {failed}"),
                ErrorIds.DatasetValidationFailed, ErrorCategory.InvalidResult, target,
                $"Inspect {DatasetLayout.ValidationSummaryFile} in the dataset folder, and report the seed and parameters: a generated dataset should always pass."));
        }
    }

    /// <summary>Errors out unless the target can be written; true when an existing dataset will be replaced.</summary>
    private bool CheckTarget(string target)
    {
        if (File.Exists(target))
        {
            ThrowTerminatingError(Error(new IOException($"'{target}' is a file, not a folder."), ErrorIds.OutputPathIsFile,
                ErrorCategory.InvalidArgument, target, "Give -OutputPath a folder path (it is created when missing)."));
        }

        if (new DirectoryInfo(target).LinkTarget is not null)
        {
            NotOwned(target, "is a symbolic link; the module never writes or deletes through a link it did not create");
        }

        if (!Directory.Exists(target) || !Directory.EnumerateFileSystemEntries(target).Any())
        {
            return false;
        }

        if (!DatasetMarker.IsPresent(target))
        {
            NotOwned(target, "is not empty and was not written by FiberSqs");
        }

        var foreign = DatasetContent.ForeignEntries(target);
        if (foreign.Count > 0)
        {
            NotOwned(target, $"holds what New-FiberSqsDataset did not write ({string.Join(", ", foreign.Take(5).Select(f => Core.Safety.UntrustedText.Escape(f, 100)))}" +
                (foreign.Count > 5 ? $" and {foreign.Count - 5} more" : "") + ")");
        }

        if (!Force)
        {
            ThrowTerminatingError(Error(new IOException($"'{target}' already holds a FiberSqs dataset."),
                ErrorIds.DatasetAlreadyExists, ErrorCategory.ResourceExists, target,
                "Add -Force to replace it, or choose another -OutputPath."));
        }

        return true;
    }

    private void NotOwned(string target, string why) =>
        ThrowTerminatingError(Error(new IOException($"'{target}' {why}; it is left alone."),
            ErrorIds.OutputPathNotOwned, ErrorCategory.ResourceExists, target,
            "Choose an empty or new folder for -OutputPath. -Force only replaces folders that New-FiberSqsDataset wrote and that hold nothing else; move your own files out first."));

    /// <summary>Removes the staging folders that earlier runs, killed before they could clean up, left beside the
    /// target (only this module's, whose process is gone), telling the user what was freed.</summary>
    private void RemoveLeftovers(string target)
    {
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(target));
        if (parent is null)
        {
            return;
        }

        foreach (var leftover in StagingFolder.FindLeftovers(parent))
        {
            var restores = leftover.PreviousDataset is not null && !Directory.Exists(leftover.Target);
            if (!ShouldProcess(leftover.FolderPath, restores
                    ? $"Restore the dataset {leftover.Target} that a stopped run had moved aside, and remove the rest of its staging folder"
                    : "Remove the staging folder a stopped New-FiberSqsDataset run left"))
            {
                continue;
            }

            try
            {
                var freed = StagingFolder.RemoveLeftover(leftover);
                WriteWarning((restores ? $"Restored {leftover.Target}, which a stopped New-FiberSqsDataset run had moved aside. " : "") +
                    $"Removed {leftover.FolderPath}, left by a New-FiberSqsDataset run that was stopped before it could clean up: {freed / 1e6:N1} MB freed.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                WriteWarning($"Could not remove {leftover.FolderPath}, left by a stopped New-FiberSqsDataset run: {e.Message}");
            }
        }
    }

    private static GenerationResult Rebase(GenerationResult r, string staging, string target) => new()
    {
        Path = target,
        Options = r.Options,
        Tables = [.. r.Tables.Select(t => t with { Path = Path.Combine(target, Path.GetRelativePath(staging, t.Path)) })],
        GroundTruth = r.GroundTruth,
        ZipPath = r.ZipPath is null ? null : Path.Combine(target, Path.GetRelativePath(staging, r.ZipPath)),
        Elapsed = r.Elapsed,
    };
}
