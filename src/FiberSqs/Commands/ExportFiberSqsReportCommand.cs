using System.Management.Automation;
using FiberSqs.Core.Files;
using FiberSqs.Core.Reporting;

namespace FiberSqs.Commands;

/// <summary>
/// Export-FiberSqsReport: writes the trainer's debrief for a dataset (docs/report.md), one self-contained HTML file
/// (default: debrief.html in the dataset folder) with the answer key in words, the timeline, the charts and, given
/// -Score, the class's scores. Scores come from the pipeline or -Score and are read by property name, so the objects
/// Measure-FiberSqsAnswer returns, CSV rows or hashtables all do. An existing file is replaced only with -Force, by a
/// rename (a symbolic link planted there is replaced, never followed). Returns the report's FileInfo.
/// </summary>
[Cmdlet(VerbsData.Export, "FiberSqsReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FileInfo))]
public sealed class ExportFiberSqsReportCommand : FiberSqsCmdlet
{
    private const int ActivityId = 5;
    private readonly List<ReportScore> _scores = [];
    private readonly List<string> _datasets = [];
    private bool _pathFromCommandLine;
    private bool _scoreFromCommandLine;

    /// <summary>The dataset folder; binds by property name (the dataset object's Path, Get-Item's PSPath).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("PSPath")]
    public string Path { get; set; } = "";

    /// <summary>The report file; by default debrief.html in the dataset folder.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    /// <summary>The class's scores: Measure-FiberSqsAnswer's objects, or any with Team, Score, MaxScore, Percent, Criteria.</summary>
    [Parameter(ValueFromPipeline = true)]
    [AllowNull]
    [AllowEmptyCollection]
    public object[]? Score { get; set; }

    /// <summary>Replace a file already at the report's path.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void BeginProcessing()
    {
        // What the command line bound is read once; what the pipeline binds is read per input object.
        _scoreFromCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Score));
        _pathFromCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(Path));
        if (_scoreFromCommandLine)
        {
            AddScores(Score, fromPipeline: false);
        }

        if (_pathFromCommandLine)
        {
            AddDataset(Path);
        }
    }

    protected override void ProcessRecord()
    {
        if (!_scoreFromCommandLine)
        {
            AddScores(Score, fromPipeline: true);
        }

        if (!_pathFromCommandLine)
        {
            AddDataset(Path);
        }
    }

    // The scores of the whole pipeline are known only at its end: every report is written then.
    protected override void EndProcessing()
    {
        foreach (var dataset in _datasets)
        {
            WriteReport(dataset);
        }
    }

    private void AddScores(object[]? items, bool fromPipeline)
    {
        foreach (var item in items ?? [])
        {
            // A dataset object or folder piped in binds -Path by property name and -Score by value: it is the dataset.
            if (fromPipeline && !_pathFromCommandLine && ScoreInput.LacksScoreShape(item))
            {
                continue;
            }

            if (ScoreInput.Read(item, out var why) is { } score)
            {
                _scores.Add(score);
                continue;
            }

            WriteError(Error(new ArgumentException($"A score cannot be read: {why}."), ErrorIds.ScoreInvalid, ErrorCategory.InvalidData, item,
                "Give -Score the objects Measure-FiberSqsAnswer returns, or objects with Team and Score (and MaxScore, Percent, Criteria with Name, Points, MaxPoints)."));
        }
    }

    private void AddDataset(string path)
    {
        if (!TryResolveFileSystemPath(path, "-Path", out var resolved, out var error))
        {
            WriteError(error!);
            return;
        }

        if (!_datasets.Contains(resolved, StringComparer.Ordinal))
        {
            _datasets.Add(resolved);
        }
    }

    private void WriteReport(string datasetPath)
    {
        DatasetFolder folder;
        try
        {
            folder = DatasetFolder.Open(datasetPath);
        }
        catch (DatasetFolderException e)
        {
            WriteError(DatasetErrors.Record(e));
            return;
        }

        if (!TryTarget(folder, out var target, out var exists))
        {
            return;
        }

        var teams = _scores.Count == 0 ? "" : $" with the scores of {_scores.Count} team(s)";
        if (!ShouldProcess(target, (exists ? "Replace the debrief report" : "Write the debrief report") + teams))
        {
            return;
        }

        var folderOfTarget = System.IO.Path.GetDirectoryName(target)!;
        if (AtomicFile.WhyNotWritable(folderOfTarget) is { } why)
        {
            WriteFailed(new IOException($"The report cannot be written into '{folderOfTarget}': {why}"), target);
            return;
        }

        WriteVerbose($"Reading the dataset in {folder.Root} for its debrief.");
        DebriefResult result;
        try
        {
            result = RunWork((output, cancel) => DebriefReport.Write(folder, target, _scores,
                output.ProgressOf<ReportProgress>(p => new ProgressRecord(ActivityId, "Export-FiberSqsReport",
                    p.TotalBytes > 0 ? $"{p.Stage}: {p.BytesRead / 1e6:N0} of {p.TotalBytes / 1e6:N0} MB" : p.Stage)
                {
                    PercentComplete = Math.Clamp(p.PercentComplete, 0, 100),
                }), cancel));
        }
        catch (DatasetFolderException e)
        {
            WriteError(DatasetErrors.Record(e));
            return;
        }
        catch (ReportWriteException e)
        {
            WriteFailed(e, target);
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError(Error(e, ErrorIds.DatasetReadFailed, ErrorCategory.ReadError, folder.Root,
                "Check that the dataset folder and its files can be read, then run the command again."));
            return;
        }

        WriteVerbose($"Wrote {result.Path} ({result.Bytes / 1024.0:N0} KB, {result.ChartIds.Count} charts, {result.Teams} team(s)) in {result.Elapsed.TotalSeconds:N1} s.");
        WriteObject(new FileInfo(result.Path));
    }

    /// <summary>The report's path: -OutFile, else debrief.html in the dataset folder. False (after an error) when it
    /// names a folder, its folder does not exist, or a file is there and -Force was not given.</summary>
    private bool TryTarget(DatasetFolder folder, out string target, out bool exists)
    {
        exists = false;
        target = System.IO.Path.Combine(folder.Root, DebriefReport.DefaultFileName);
        if (OutFile is not null)
        {
            if (!TryResolveFileSystemPath(OutFile, "-OutFile", out target, out var error))
            {
                WriteError(error!);
                return false;
            }
        }

        target = System.IO.Path.GetFullPath(target);
        if (Directory.Exists(target))
        {
            WriteFailed(new IOException($"-OutFile '{target}' is a folder; name the report's file, such as {System.IO.Path.Combine(target, DebriefReport.DefaultFileName)}."), target);
            return false;
        }

        var parent = System.IO.Path.GetDirectoryName(target);
        if (parent is null || !Directory.Exists(parent))
        {
            WriteFailed(new DirectoryNotFoundException($"The folder of the report, '{parent}', does not exist."), target);
            return false;
        }

        // A symbolic link counts as there even when what it points at is not: it is what would be replaced.
        exists = File.Exists(target) || new FileInfo(target).LinkTarget is not null;
        if (exists && !Force)
        {
            WriteError(Error(new IOException($"'{target}' already exists."), ErrorIds.ReportAlreadyExists, ErrorCategory.ResourceExists, target,
                "Add -Force to replace it, or give -OutFile another file."));
            return false;
        }

        return true;
    }

    private void WriteFailed(Exception e, string target) =>
        WriteError(Error(e, ErrorIds.ReportWriteFailed, ErrorCategory.WriteError, target,
            "Give -OutFile a file in an existing folder you can write to. Nothing that existed was changed."));
}
