using System.Management.Automation;
using FiberSqs.Completers;
using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;

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

    /// <summary>The story to generate (docs/scenarios.md): a FiberSqsScenario from Get-FiberSqsScenario, the path of
    /// its JSON file, or an object of the same shape; the classic when not given.</summary>
    [Parameter]
    [ValidateNotNull]
    public object? Scenario { get; set; }

    protected override void ProcessRecord()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (!TryResolveFileSystemPath(OutputPath, "-OutputPath", out var target, out var pathError))
        {
            ThrowTerminatingError(pathError!);
            return;
        }

        var scenario = Core.Scenarios.ExerciseScenario.Classic;
        if (Scenario is not null)
        {
            try
            {
                scenario = ScenarioInput.Resolve(this, Scenario, p => TryResolveFileSystemPath(p, "-Scenario", out var r, out var e) ? r
                    : throw new Core.Scenarios.ScenarioInvalidException("Path", e!.Exception.Message));
            }
            catch (Core.Scenarios.ScenarioInvalidException e)
            {
                ThrowTerminatingError(Error(e, ErrorIds.ScenarioInvalid, ErrorCategory.InvalidData, Scenario,
                    $"Correct {e.Field} (docs/scenarios.md describes every field), or start from Get-FiberSqsScenario."));
                return;
            }
        }

        var options = new DatasetOptions
        {
            Seed = Seed,
            AppLogRows = AppLogRows,
            ScaleLogs = ScaleLogs,
            EnableTier2 = EnableTier2.IsPresent,
            Zip = Zip.IsPresent,
            Scenario = scenario,
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
        bool replacing;
        try
        {
            replacing = DatasetTarget.Check(target, Force);
        }
        catch (DatasetTargetException e)
        {
            ThrowTerminatingError(TargetError(e));
            return;
        }

        var action = replacing
            ? $"Replace the FiberSqs dataset (seed {Seed}, {options.AppLogRowTarget:N0} app-log rows)"
            : $"Write a FiberSqs dataset (seed {Seed}, {options.AppLogRowTarget:N0} app-log rows)";
        if (!ShouldProcess(target, action))
        {
            return;
        }

        WriteVerbose($"Generating into a staging folder beside {target}, then validating it.");
        ProducedDataset produced;
        try
        {
            produced = RunWork((output, cancel) => DatasetProduction.Run(target, options, Force.IsPresent,
                output.ProgressOf<GenerationProgress>(p => new ProgressRecord(ActivityId, "New-FiberSqsDataset", $"{p.Stage}: {p.RowsWritten:N0} rows")
                {
                    PercentComplete = p.PercentComplete,
                }), cancel));
        }
        catch (DatasetTargetException e)
        {
            ThrowTerminatingError(TargetError(e)); // changed between the check and the run
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(Error(e, ErrorIds.DatasetWriteFailed, ErrorCategory.WriteError, target,
                "Check free disk space and permissions on the output folder's parent, then run the command again. Nothing that existed was changed."));
            return;
        }

        var result = produced.Generation;
        var validation = produced.Validation;
        WriteVerbose($"Wrote {result.TotalRows:N0} rows ({result.TotalBytes / 1e6:N1} MB) in {result.Elapsed.TotalSeconds:N1} s.");
        WriteVerbose($"Validation {(validation.Passed ? "passed" : "FAILED")}: {validation.Checks.Count(c => c.Passed)} of {validation.Checks.Count} checks in {validation.Elapsed.TotalSeconds:N1} s.");
        if (produced.Replaced)
        {
            WriteVerbose($"Replaced the previous dataset in {target}.");
        }

        WriteObject(new FiberSqsDatasetInfo(result, validation, clock.Elapsed));
        if (!validation.Passed)
        {
            // The files stay for inspection; the failure is an error a script sees (and $? is false).
            var failed = string.Join("; ", validation.FailedChecks.Select(c => $"{c.Name}: {c.Message}"));
            WriteError(Error(new InvalidDataException($"The dataset in '{target}' was written but failed validation: {failed}"),
                ErrorIds.DatasetValidationFailed, ErrorCategory.InvalidResult, target,
                $"Inspect {DatasetLayout.ValidationSummaryFile} in the dataset folder, and report the seed and parameters: a generated dataset should always pass."));
        }
    }

    private static ErrorRecord TargetError(DatasetTargetException e) => e.Problem switch
    {
        TargetProblem.IsFile => Error(e, ErrorIds.OutputPathIsFile, ErrorCategory.InvalidArgument, e.Path,
            "Give -OutputPath a folder path (it is created when missing)."),
        TargetProblem.AlreadyExists => Error(e, ErrorIds.DatasetAlreadyExists, ErrorCategory.ResourceExists, e.Path,
            "Add -Force to replace it, or choose another -OutputPath."),
        _ => Error(e, ErrorIds.OutputPathNotOwned, ErrorCategory.ResourceExists, e.Path,
            "Choose an empty or new folder for -OutputPath. -Force only replaces folders that New-FiberSqsDataset wrote and that hold nothing else; move your own files out first."),
    };

    /// <summary>Removes the staging folders that earlier runs, killed before they could clean up, left beside the
    /// target (only this module's, whose process is gone), telling the user what was freed.</summary>
    private void RemoveLeftovers(string target)
    {
        try
        {
            foreach (var (leftover, freed, restored) in DatasetProduction.RemoveLeftovers(target, l => ShouldProcess(l.FolderPath,
                         DatasetProduction.WouldRestore(l)
                             ? $"Restore the dataset {l.Target} that a stopped run had moved aside, and remove the rest of its staging folder"
                             : "Remove the staging folder a stopped New-FiberSqsDataset run left")))
            {
                WriteWarning((restored ? $"Restored {leftover.Target}, which a stopped New-FiberSqsDataset run had moved aside. " : "") +
                    $"Removed {leftover.FolderPath}, left by a New-FiberSqsDataset run that was stopped before it could clean up: {freed / 1e6:N1} MB freed.");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteWarning($"Could not remove a staging folder a stopped New-FiberSqsDataset run left beside {target}: {e.Message}");
        }
    }
}
