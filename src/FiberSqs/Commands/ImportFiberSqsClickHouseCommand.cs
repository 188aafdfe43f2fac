using System.Collections.Concurrent;
using System.Management.Automation;
using FiberSqs.Completers;
using System.Net;
using FiberSqs.Core.ClickHouse;

namespace FiberSqs.Commands;

/// <summary>
/// Import-FiberSqsClickHouse: loads a dataset folder into ClickHouse (staging tables, row counts checked against
/// ground_truth.json, one RENAME swap, so a failed or interrupted import never loses the previous load), creates
/// the views of SPEC section 5, runs the post-load validation on the server and writes postload_validation.json.
/// </summary>
[Cmdlet(VerbsData.Import, "FiberSqsClickHouse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FiberSqsImportResult))]
public sealed class ImportFiberSqsClickHouseCommand : FiberSqsCmdlet
{
    private const int ActivityId = 20;

    /// <summary>Where the server's URL comes from, for the advice in errors.</summary>
    private const string UriSource = "-Uri (or $env:CLICKHOUSE_URL)";

    /// <summary>The dataset folder (binds the Path property of New-FiberSqsDataset's output).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("PSPath")]
    public string Path { get; set; } = "";

    /// <summary>The ClickHouse HTTP endpoint; default $env:CLICKHOUSE_URL, else http://localhost:8123.</summary>
    [Parameter]
    public Uri? Uri { get; set; }

    /// <summary>User and password; default $env:CLICKHOUSE_USER/$env:CLICKHOUSE_PASSWORD, else default/empty.</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The database of the tables and index-pattern views.</summary>
    [Parameter]
    [ValidatePattern("^[A-Za-z_][A-Za-z0-9_]{0,99}$")]
    [ArgumentCompleter(typeof(DatabaseCompleter))]
    public string Database { get; set; } = ImportOptions.DefaultDatabase;

    protected override void ProcessRecord()
    {
        var root = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        ImportDataset dataset;
        try
        {
            dataset = ImportDataset.Open(root);
        }
        catch (DatasetIncompleteException e)
        {
            ThrowTerminatingError(Error(e, ErrorIds.DatasetIncomplete, ErrorCategory.ObjectNotFound, root,
                "Point -Path at a complete dataset folder written by New-FiberSqsDataset, or write it again with New-FiberSqsDataset -Force."));
            return;
        }

        if (!TryResolveEndpoint(Uri, UriSource, out var endpoint, out var uriError))
        {
            ThrowTerminatingError(uriError!);
            return;
        }

        var credential = ClickHouseSettings.ResolveCredential(Credential?.GetNetworkCredential(), endpoint);
        WriteVerbose($"Dataset {dataset.Root}: {dataset.Files.Count} tables, {dataset.TotalExpectedRows:N0} rows, {dataset.TotalBytes / 1e6:N1} MB.");
        WriteVerbose($"Connecting to {endpoint.DisplayUrl} as user '{credential?.UserName ?? "default"}' (GET /ping, SELECT version()).");

        try
        {
            using var connection = Await(ClickHouseConnection.OpenAsync(endpoint, credential, null, CancelToken));
            WriteVerbose($"Server: ClickHouse {connection.Version}; {connection.Dialect}.");
            var plan = Await(ImportPlan.CreateAsync(connection, dataset, Database, CancelToken));
            var approved = true;
            foreach (var action in plan.Actions)
            {
                // Under -WhatIf each line is listed; under -Confirm each is asked. Any "no" stops the import before it starts.
                approved &= ShouldProcess($"{action.ObjectName} on {endpoint.DisplayUrl}", $"{action.Action} ({action.Reason})");
            }

            if (!approved)
            {
                return;
            }

            var result = RunImport(connection, dataset);
            WriteObject(new FiberSqsImportResult(result));
            if (!result.Validation.Passed)
            {
                var failed = string.Join("; ", result.Validation.FailedChecks.Select(c => $"{c.Name}: {c.Message}"));
                WriteError(Error(new InvalidOperationException($"The load finished but post-load checks failed: {failed}"),
                    ErrorIds.PostLoadValidationFailed, ErrorCategory.InvalidResult, result.ReportPath,
                    $"See {result.ReportPath} for every figure; regenerate the dataset or import it again."));
            }
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (ClickHouseException e) when (ServerUnusableError(e, endpoint.DisplayUrl, UriSource,
                   "Nothing that was loaded before is lost; run the import again when the server is back.") is { } unusable)
        {
            ThrowTerminatingError(unusable);
        }
        catch (ClickHouseImportInProgressException e)
        {
            ThrowTerminatingError(Error(e, ErrorIds.ClickHouseImportInProgress, ErrorCategory.ResourceBusy, e.Database,
                "Wait for the other import into this -Database to finish (or stop it), or load into another -Database. Nothing was changed."));
        }
        catch (ClickHouseObjectConflictException e)
        {
            ThrowTerminatingError(Error(e, ErrorIds.ClickHouseObjectConflict, ErrorCategory.ResourceExists, e.ObjectName,
                $"Choose another -Database, or rename or drop {e.ObjectName} yourself if it is not needed; the import never drops what it did not create."));
        }
        catch (ClickHouseQueryException e)
        {
            ThrowTerminatingError(Error(e, ErrorIds.ClickHouseQueryFailed, ErrorCategory.InvalidOperation, endpoint.DisplayUrl,
                $"ClickHouse refused a statement (code {e.Code}). The previous load is unchanged; fix the cause the server names and run the import again."));
        }
        catch (DatasetIncompleteException e)
        {
            ThrowTerminatingError(Error(e, ErrorIds.DatasetIncomplete, ErrorCategory.InvalidData, e.Path,
                "Write the dataset again with New-FiberSqsDataset -Force. Nothing was swapped in; the previous load is unchanged."));
        }
        catch (RowCountMismatchException e)
        {
            ThrowTerminatingError(Error(e, ErrorIds.ImportRowCountMismatch, ErrorCategory.InvalidResult, e.Table,
                "Check the server's log for rejected rows, then run the import again. The previous load is unchanged."));
        }
    }

    /// <summary>Runs the importer on a worker thread; this (pipeline) thread writes its progress and verbose steps.</summary>
    private ImportResult RunImport(ClickHouseConnection connection, ImportDataset dataset)
    {
        var queue = new BlockingCollection<ImportProgress>();
        var reporter = new QueueProgress(queue);
        var options = new ImportOptions { Database = Database };
        var task = Task.Run(async () =>
        {
            try
            {
                return await ClickHouseImporter.RunAsync(connection, dataset, options, reporter, CancelToken).ConfigureAwait(false);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        var tableIds = dataset.Files.Select((f, i) => (f.Table.Name, Id: ActivityId + 1 + i)).ToDictionary(x => x.Name, x => x.Id);
        var overall = new ProgressRecord(ActivityId, "Import-FiberSqsClickHouse", "Connecting");
        try
        {
            foreach (var p in queue.GetConsumingEnumerable())
            {
                Show(p, overall, tableIds);
            }
        }
        catch (PipelineStoppedException)
        {
            // Ctrl+C: writing to the pipeline now throws. The token is cancelled; let the importer drop its staging
            // tables (through the still open connection) before the pipeline unwinds.
            try
            {
                task.Wait();
            }
            catch (AggregateException)
            {
            }

            throw;
        }
        finally
        {
            try
            {
                foreach (var (name, id) in tableIds)
                {
                    WriteProgress(new ProgressRecord(id, name, "Done") { ParentActivityId = ActivityId, RecordType = ProgressRecordType.Completed });
                }

                WriteProgress(new ProgressRecord(ActivityId, "Import-FiberSqsClickHouse", "Done") { RecordType = ProgressRecordType.Completed });
            }
            catch (PipelineStoppedException)
            {
            }
        }

        return task.GetAwaiter().GetResult();
    }

    private void Show(ImportProgress p, ProgressRecord overall, Dictionary<string, int> tableIds)
    {
        if (p.Table is null)
        {
            WriteVerbose(p.Message);
            overall.StatusDescription = $"{p.Stage}: {p.Message}";
            overall.PercentComplete = Math.Clamp(p.PercentComplete, 0, 100);
            WriteProgress(overall);
            return;
        }

        overall.StatusDescription = "Loading tables";
        overall.PercentComplete = Math.Clamp(p.PercentComplete, 0, 100);
        WriteProgress(overall);
        WriteProgress(new ProgressRecord(tableIds[p.Table], p.Table, $"{p.RowsSent:N0} of {p.ExpectedRows:N0} rows, {p.RowsPerSecond:N0} rows/s")
        {
            ParentActivityId = ActivityId,
            PercentComplete = p.TotalBytes > 0 ? (int)Math.Clamp(100 * p.BytesSent / p.TotalBytes, 0, 100) : 0,
            RecordType = p.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        });
        if (p.Completed)
        {
            WriteVerbose($"Loaded {p.Table}: {p.RowsSent:N0} rows at {p.RowsPerSecond:N0} rows/s.");
        }
    }

    private T Await<T>(Task<T> task)
    {
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancelToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    private sealed class QueueProgress(BlockingCollection<ImportProgress> queue) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            try
            {
                if (!queue.IsAddingCompleted)
                {
                    queue.TryAdd(value);
                }
            }
            catch (InvalidOperationException)
            {
                // completed between the check and the add: a late report is dropped
            }
        }
    }
}
