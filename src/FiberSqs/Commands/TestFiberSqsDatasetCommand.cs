using System.Management.Automation;
using FiberSqs.Core.Validation;

namespace FiberSqs.Commands;

/// <summary>
/// Test-FiberSqsDataset: validates a dataset folder (SPEC section 6) and returns one result with every check, or
/// with -Quiet just $true/$false. A folder that is not a dataset is an error with a stable id; damaged or missing
/// CSVs are failed checks. The files are only read, never changed.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "FiberSqsDataset")]
[OutputType(typeof(FiberSqsValidationResult))]
[OutputType(typeof(bool))]
public sealed class TestFiberSqsDatasetCommand : FiberSqsCmdlet
{
    private const int ActivityId = 3;

    /// <summary>The dataset folder; binds by property name (the dataset object's Path, Get-Item's PSPath).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("PSPath")]
    public string Path { get; set; } = "";

    /// <summary>Return only $true when every check passed, $false otherwise.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord()
    {
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        WriteVerbose($"Validating the dataset in {path}.");
        ValidationReport report;
        try
        {
            report = RunWithProgress<ValidationProgress, ValidationReport>(
                progress => DatasetValidator.Validate(path, progress, CancelToken),
                p => new ProgressRecord(ActivityId, "Test-FiberSqsDataset",
                    $"{p.Stage}: {p.BytesRead / 1e6:N0} of {p.TotalBytes / 1e6:N0} MB")
                {
                    PercentComplete = Math.Clamp(p.PercentComplete, 0, 100),
                });
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (DatasetUnreadableException e)
        {
            Fail(e, e.Problem switch
            {
                DatasetProblem.NotFound => ErrorIds.DatasetNotFound,
                DatasetProblem.NotADataset => ErrorIds.NotADataset,
                _ => ErrorIds.GroundTruthUnreadable,
            }, e.Problem switch
            {
                DatasetProblem.NotFound => ErrorCategory.ObjectNotFound,
                DatasetProblem.NotADataset => ErrorCategory.InvalidArgument,
                _ => ErrorCategory.InvalidData,
            }, e.Path, e.Problem switch
            {
                DatasetProblem.NotFound => "Check the path, or write a dataset there with New-FiberSqsDataset.",
                DatasetProblem.NotADataset => "Give -Path a folder written by New-FiberSqsDataset (it holds ground_truth.json and data/).",
                _ => "Generate the dataset again with New-FiberSqsDataset -Force; the checks need its answer key.",
            });
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(e, ErrorIds.DatasetReadFailed, ErrorCategory.ReadError, path, "Check that the folder and its files can be read, then run the command again.");
            return;
        }
        finally
        {
            WriteProgress(new ProgressRecord(ActivityId, "Test-FiberSqsDataset", "Done") { RecordType = ProgressRecordType.Completed });
        }

        foreach (var failed in report.FailedChecks)
        {
            WriteVerbose($"FAILED {failed.Name}: {failed.Message}");
        }

        WriteVerbose($"{report} in {report.Elapsed.TotalSeconds:N1} s.");
        if (Quiet)
        {
            WriteObject(report.Passed);
            return;
        }

        WriteObject(new FiberSqsValidationResult(report));
    }

    /// <summary>One dataset could not be validated: an error for it (or $false with -Quiet), then the next input.</summary>
    private void Fail(Exception e, string errorId, ErrorCategory category, string target, string action)
    {
        if (Quiet)
        {
            WriteVerbose($"{errorId}: {e.Message}");
            WriteObject(false);
            return;
        }

        WriteError(Error(e, errorId, category, target, action));
    }
}
