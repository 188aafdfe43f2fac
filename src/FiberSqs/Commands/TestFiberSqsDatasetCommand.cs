using System.Management.Automation;
using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.Files;
using FiberSqs.Core.Validation;

namespace FiberSqs.Commands;

/// <summary>
/// Test-FiberSqsDataset: validates a dataset folder (docs/validation.md) and, given -Uri, the database it was loaded
/// into (the post-load checks of docs/clickhouse.md, computed by SQL on the server); returns one result with every
/// check, or with -Quiet just $true/$false. A folder that is not a dataset, or a server that cannot be reached, is
/// an error with a stable id; damaged or missing CSVs are failed checks. Nothing is changed, on disk or on the server.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "FiberSqsDataset")]
[OutputType(typeof(FiberSqsValidationResult))]
[OutputType(typeof(bool))]
public sealed class TestFiberSqsDatasetCommand : ClickHouseCmdlet
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

    protected override string UriSource => "-Uri";

    protected override void ProcessRecord()
    {
        if (!TryResolveFileSystemPath(Path, "-Path", out var path, out var pathError))
        {
            Fail(pathError!);
            return;
        }

        WriteVerbose($"Validating the dataset in {path}.");
        DatasetFolder folder;
        ValidationReport report;
        try
        {
            folder = DatasetFolder.Open(path);
            report = RunWork((output, cancel) => DatasetValidator.Validate(folder,
                output.ProgressOf<ValidationProgress>(p => new ProgressRecord(ActivityId, "Test-FiberSqsDataset",
                    $"{p.Stage}: {p.BytesRead / 1e6:N0} of {p.TotalBytes / 1e6:N0} MB")
                {
                    PercentComplete = Math.Clamp(p.PercentComplete, 0, 100),
                }), cancel));
        }
        catch (DatasetFolderException e)
        {
            Fail(DatasetErrors.Record(e));
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail(e, ErrorIds.DatasetReadFailed, ErrorCategory.ReadError, path, "Check that the folder and its files can be read, then run the command again.");
            return;
        }

        foreach (var failed in report.FailedChecks)
        {
            WriteVerbose($"FAILED {failed.Name}: {failed.Message}");
        }

        WriteVerbose($"{report} in {report.Elapsed.TotalSeconds:N1} s.");
        ValidationReport? database = null;
        if (Uri is not null && !TryPostLoad(folder, out database))
        {
            return;
        }

        var result = new FiberSqsValidationResult(report.Path, report, database);
        WriteObject(Quiet ? result.Passed : result);
    }

    /// <summary>Runs the post-load checks against -Uri; false (after an error record) when the server cannot be used.</summary>
    private bool TryPostLoad(DatasetFolder folder, out ValidationReport? database)
    {
        database = null;
        if (!TryResolveEndpoint(out var endpoint, out var uriError))
        {
            Fail(uriError!);
            return false;
        }

        var credential = ResolveCredential(endpoint);
        WriteVerbose($"Post-load checks on {endpoint.DisplayUrl}, database {Database}, as user '{credential?.UserName ?? "default"}'.");
        try
        {
            database = RunWork(async (output, cancel) =>
            {
                output.Progress(new ProgressRecord(ActivityId, "Test-FiberSqsDataset", $"Post-load checks on {endpoint.DisplayUrl}") { PercentComplete = 99 });
                using var connection = await ClickHouseConnection.OpenAsync(endpoint, credential, ConnectionOptions, cancel).ConfigureAwait(false);
                output.Verbose($"Server: ClickHouse {connection.Version}.");
                return await PostLoadValidator.RunAsync(connection, Database, folder.GroundTruth, cancel).ConfigureAwait(false);
            });
        }
        catch (ClickHouseException e) when (ServerUnusableError(e, endpoint.DisplayUrl) is { } unusable)
        {
            Fail(unusable);
            return false;
        }
        catch (ClickHouseException e)
        {
            Fail(e, ErrorIds.ClickHouseQueryFailed, ErrorCategory.InvalidOperation, endpoint.DisplayUrl,
                "Check that the dataset was loaded with Import-FiberSqsClickHouse into -Database, then run the command again.");
            return false;
        }

        foreach (var failed in database.FailedChecks)
        {
            WriteVerbose($"FAILED {failed.Name}: {failed.Message}");
        }

        WriteVerbose($"Post-load: {database}.");
        return true;
    }

    /// <summary>One dataset could not be validated: an error for it (or $false with -Quiet), then the next input.</summary>
    private void Fail(Exception e, string errorId, ErrorCategory category, string target, string action) =>
        Fail(Error(e, errorId, category, target, action));

    private void Fail(ErrorRecord error)
    {
        if (Quiet)
        {
            WriteVerbose($"{error.FullyQualifiedErrorId}: {error.Exception.Message}");
            WriteObject(false);
            return;
        }

        WriteError(error);
    }
}
