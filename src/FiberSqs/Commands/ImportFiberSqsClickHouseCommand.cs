using System.Management.Automation;
using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.Files;

namespace FiberSqs.Commands;

/// <summary>
/// Import-FiberSqsClickHouse: loads a dataset folder into ClickHouse (staging tables, row counts checked against
/// ground_truth.json, one RENAME swap, so a failed or interrupted import never loses the previous load), creates
/// the views of docs/clickhouse.md, runs the post-load validation on the server and writes postload_validation.json.
/// A dataset that cannot be loaded is an error for that input and the next one is loaded; only a server that
/// cannot be used stops the pipeline.
/// </summary>
[Cmdlet(VerbsData.Import, "FiberSqsClickHouse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FiberSqsImportResult))]
public sealed class ImportFiberSqsClickHouseCommand : ClickHouseCmdlet
{
    private const int ActivityId = 20;

    /// <summary>The dataset folder (binds the Path property of New-FiberSqsDataset's output).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("PSPath")]
    public string Path { get; set; } = "";

    /// <summary>Also write the compatibility views (in logs or default) over this database's tables; they are
    /// written for the default database fibersqs_prod anyway.</summary>
    [Parameter]
    public SwitchParameter CompatibilityViews { get; set; }

    /// <summary>How the rows go to the server: Native (the default) reads the CSVs here and sends typed blocks, the
    /// typed columns computed exactly as the server's DEFAULT expressions; Csv sends the text for the server to parse,
    /// as curl -T would. Both load the same values. (A string, not the engine's enum: PowerShell reads parameter types
    /// before the module's own load context is hooked.)</summary>
    [Parameter]
    [ValidateSet("Native", "Csv")]
    public string LoadFormat { get; set; } = "Native";

    protected override string UriSource => "-Uri (or $env:CLICKHOUSE_URL)";

    protected override void BeginProcessing()
    {
        if (ClickHouseSql.IsReservedDatabase(Database))
        {
            ThrowTerminatingError(Error(new ArgumentException(ImportPlan.ReservedDatabaseMessage(Database)), ErrorIds.DatabaseNameReserved,
                ErrorCategory.InvalidArgument, Database,
                $"Give -Database a database of its own, such as {ImportOptions.DefaultDatabase} (the default)."));
        }
    }

    protected override void ProcessRecord()
    {
        if (!TryResolveFileSystemPath(Path, "-Path", out var root, out var pathError))
        {
            WriteError(pathError!);
            return;
        }

        ImportDataset dataset;
        try
        {
            dataset = ImportDataset.From(DatasetFolder.Open(root));
        }
        catch (DatasetFolderException e)
        {
            WriteError(DatasetErrors.Record(e));
            return;
        }

        if (!TryResolveEndpoint(out var endpoint, out var uriError))
        {
            ThrowTerminatingError(uriError!);
            return;
        }

        var credential = ResolveCredential(endpoint);
        WriteVerbose($"Dataset {dataset.Root}: {dataset.Files.Count} tables, {dataset.TotalExpectedRows:N0} rows, {dataset.TotalBytes / 1e6:N1} MB.");
        WriteVerbose($"Connecting to {endpoint.DisplayUrl} as user '{credential?.UserName ?? "default"}' (GET /ping, SELECT version()).");
        var options = new ImportOptions
        {
            Database = Database,
            CompatibilityViews = CompatibilityViews.IsPresent ? true : null,
            Format = LoadFormat.Equals("Csv", StringComparison.OrdinalIgnoreCase) ? Core.ClickHouse.LoadFormat.Csv : Core.ClickHouse.LoadFormat.Native,
        };
        try
        {
            using var connection = Await(ClickHouseConnection.OpenAsync(endpoint, credential, ConnectionOptions, CancelToken));
            WriteVerbose($"Server: ClickHouse {connection.Version}; {connection.Dialect}.");
            var plan = Await(ImportPlan.CreateAsync(connection, dataset, options, AtomicFile.RandomToken(), CancelToken));
            if (!Approved(plan, endpoint.DisplayUrl))
            {
                return;
            }

            // Decided before anything goes live: the import goes ahead, and its result carries every figure.
            var reportProblem = AtomicFile.WhyNotWritable(dataset.Root);
            if (reportProblem is not null)
            {
                WriteWarning($"{DatasetLayout.PostLoadValidationFile} cannot be written into {dataset.Root} ({reportProblem}). " +
                    "The import goes ahead; its result object holds the post-load validation.");
            }

            // The approved plan itself is what the importer runs.
            var tableIds = dataset.Files.Select((f, i) => (f.Table.Name, Id: ActivityId + 1 + i)).ToDictionary(x => x.Name, x => x.Id);
            var result = RunWork((output, cancel) => ClickHouseImporter.RunAsync(connection, plan, options with { WriteReport = reportProblem is null },
                output.ProgressOf<ImportProgress>((p, o) => Show(p, o, tableIds)), cancel));
            WriteObject(new FiberSqsImportResult(result));
            if (result.ReportProblem is not null)
            {
                WriteError(Error(new IOException($"The load finished, but {DatasetLayout.PostLoadValidationFile} could not be written: {result.ReportProblem}"),
                    ErrorIds.PostLoadReportWriteFailed, ErrorCategory.WriteError, dataset.Root,
                    "The result object holds the post-load validation; free disk space or fix the folder's permissions, then Test-FiberSqsDataset -Uri checks the load again."));
            }

            if (!result.Validation.Passed)
            {
                var failed = string.Join("; ", result.Validation.FailedChecks.Select(c => $"{c.Name}: {c.Message}"));
                WriteError(Error(new InvalidOperationException($"The load finished but post-load checks failed: {failed}"),
                    ErrorIds.PostLoadValidationFailed, ErrorCategory.InvalidResult, result.ReportPath ?? dataset.Root,
                    result.ReportPath is null ? "The result's Validation property holds every figure; regenerate the dataset or import it again."
                        : $"See {result.ReportPath} for every figure; regenerate the dataset or import it again."));
            }
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        catch (ClickHouseException e) when (ServerUnusableError(e, endpoint.DisplayUrl,
                   "Nothing that was loaded before is lost; run the import again when the server is back.") is { } unusable)
        {
            ThrowTerminatingError(unusable);
        }
        catch (ClickHouseImportInProgressException e)
        {
            WriteError(Error(e, ErrorIds.ClickHouseImportInProgress, ErrorCategory.ResourceBusy, e.Database,
                "Wait for the other import into this -Database to finish (or stop it), or load into another -Database. Nothing was changed."));
        }
        catch (ClickHouseObjectConflictException e)
        {
            WriteError(Error(e, ErrorIds.ClickHouseObjectConflict, ErrorCategory.ResourceExists, e.ObjectName,
                $"Rename {e.ObjectName} if it is yours (RENAME TABLE), or choose another -Database; the import never replaces what it did not create."));
        }
        catch (ClickHouseQueryException e)
        {
            WriteError(Error(e, ErrorIds.ClickHouseQueryFailed, ErrorCategory.InvalidOperation, endpoint.DisplayUrl,
                $"ClickHouse refused a statement (code {e.Code}). The previous load is unchanged; fix the cause the server names and run the import again."));
        }
        catch (DatasetFolderException e)
        {
            // A file that turned out truncated while loading: nothing was swapped in.
            WriteError(DatasetErrors.Record(e));
        }
        catch (RowCountMismatchException e)
        {
            WriteError(Error(e, ErrorIds.ImportRowCountMismatch, ErrorCategory.InvalidResult, e.Table,
                "Check the server's log for rejected rows, then run the import again. The previous load is unchanged."));
        }
    }

    /// <summary>One question per import (-Confirm asks once for the whole database), while -WhatIf lists every action.</summary>
    private bool Approved(ImportPlan plan, string url)
    {
        var target = $"database {plan.Sql.Database} on {url}";
        var replaced = plan.Actions.Count(a => a.Action.StartsWith("Replace", StringComparison.Ordinal));
        var summary = $"Load {plan.Files.Count} tables ({plan.Files.Sum(f => f.ExpectedRows):N0} rows) and create {plan.Views.Count} views" +
            (replaced > 0 ? $", replacing {replaced} tables and views of the previous load" : "") +
            $" ({plan.Actions.Count} actions; -WhatIf lists them)";
        if (ShouldProcess($"{summary} in {target}.", $"{summary} in {target}?", "Import-FiberSqsClickHouse", out var reason))
        {
            return true;
        }

        if (reason == ShouldProcessReason.WhatIf)
        {
            foreach (var action in plan.Actions)
            {
                ShouldProcess($"{action.ObjectName} on {url}", $"{action.Action} ({action.Reason})");
            }
        }

        return false;
    }

    /// <summary>An importer report as progress records (the import's, and one child per table) and verbose steps.</summary>
    private static void Show(ImportProgress p, WorkerOutput output, Dictionary<string, int> tableIds)
    {
        if (p.Table is null)
        {
            output.Verbose(p.Message);
            output.Progress(new ProgressRecord(ActivityId, "Import-FiberSqsClickHouse", $"{p.Stage}: {p.Message}")
            {
                PercentComplete = Math.Clamp(p.PercentComplete, 0, 100),
            });
            return;
        }

        output.Progress(new ProgressRecord(ActivityId, "Import-FiberSqsClickHouse", "Loading tables") { PercentComplete = Math.Clamp(p.PercentComplete, 0, 100) });
        output.Progress(new ProgressRecord(tableIds[p.Table], p.Table, $"{p.RowsSent:N0} of {p.ExpectedRows:N0} rows, {p.RowsPerSecond:N0} rows/s")
        {
            ParentActivityId = ActivityId,
            PercentComplete = p.TotalBytes > 0 ? (int)Math.Clamp(100 * p.BytesSent / p.TotalBytes, 0, 100) : 0,
            RecordType = p.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        });
        if (p.Completed)
        {
            output.Verbose($"Loaded {p.Table}: {p.RowsSent:N0} rows at {p.RowsPerSecond:N0} rows/s ({p.Format}).");
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
}
