using System.Management.Automation;
using FiberSqs.Core.Files;
using FiberSqs.Core.Scoring;

namespace FiberSqs.Commands;

/// <summary>
/// Measure-FiberSqsAnswer: scores a trainee's or team's answer against a dataset's ground_truth.json (docs/scoring.md),
/// one FiberSqsScore per answer. The answer's fields bind by property name, so Import-Csv answers.csv |
/// Measure-FiberSqsAnswer -Path ./out scores a class; -Answer takes a hashtable, an object, a JSON file or JSON text
/// (Get-ChildItem *.json binds to it by PSPath). The key is read once, before the first answer; a dataset that cannot
/// be read stops the command. An answer that cannot be scored is AnswerInvalid naming the field, and the next is scored.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "FiberSqsAnswer", DefaultParameterSetName = FieldsSet)]
[OutputType(typeof(FiberSqsScore))]
public sealed class MeasureFiberSqsAnswerCommand : FiberSqsCmdlet
{
    private const string FieldsSet = "Fields";
    private const string AnswerSet = "Answer";

    private AnswerKey? _key;
    private string _dataset = "";
    private int _answers;

    /// <summary>The dataset folder whose ground_truth.json is the key.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Answers as hashtables, objects, JSON file paths or JSON text; a file binds by its PSPath.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = AnswerSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath")]
    public object[] Answer { get; set; } = [];

    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    public string? Team { get; set; }

    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(Completers.RootCauseKindCompleter))]
    public string? RootCauseKind { get; set; }

    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    public string? Component { get; set; }

    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    public string? Region { get; set; }

    /// <summary>A [datetime] or ISO 8601 text: an object, so that a bad time is the answer's AnswerInvalid, not a binding error.</summary>
    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    public object? Start { get; set; }

    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    public object? End { get; set; }

    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    public object? FixTime { get; set; }

    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    public string[]? TransactionTypes { get; set; }

    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    public string[]? RedHerrings { get; set; }

    // The TSO confusion counts, also under the confusion-matrix query's column names and tso_noise's keys. Text, so
    // that a cell that is not a number is the answer's AnswerInvalid.
    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    [Alias("fn_missing_txn_id", "Missing")]
    public string? FnMissingTxnId { get; set; }

    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    [Alias("fp_nonexistent_txn_id", "Fabricated")]
    public string? FpNonexistentTxnId { get; set; }

    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    [Alias("wrong_link", "WrongCustomer")]
    public string? WrongLink { get; set; }

    [Parameter(ParameterSetName = FieldsSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Clean")]
    public string? Tp { get; set; }

    protected override void BeginProcessing()
    {
        if (!TryResolveFileSystemPath(Path, "-Path", out var path, out var pathError))
        {
            ThrowTerminatingError(pathError!);
        }

        try
        {
            var folder = DatasetFolder.Open(path);
            _key = AnswerKey.From(folder.GroundTruth);
            _dataset = folder.Root;
        }
        catch (DatasetFolderException e)
        {
            ThrowTerminatingError(DatasetErrors.Record(e));
        }
        catch (InvalidDataException e)
        {
            ThrowTerminatingError(Error(e, ErrorIds.GroundTruthUnreadable, ErrorCategory.InvalidData, path,
                "Write the dataset again with New-FiberSqsDataset -Force; scoring reads the incident, its red herrings and the TSO counts from its answer key."));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowTerminatingError(Error(e, ErrorIds.DatasetReadFailed, ErrorCategory.ReadError, path, "Check that the folder and its ground_truth.json can be read."));
        }

        WriteVerbose($"Scoring answers against {_dataset}: {_key!.Describe()}.");
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == AnswerSet)
        {
            foreach (var item in Answer)
            {
                _answers++;
                var place = $"answer {_answers}";
                AnswerInput.Fields? fields = null;
                try
                {
                    fields = AnswerInput.Read(item, ResolveAnswerPath);
                }
                catch (AnswerInvalidException e)
                {
                    Invalid(e, null, place);
                    continue;
                }

                Score(fields.Values, fields.DefaultTeam ?? place, fields.File ?? place);
            }

            return;
        }

        _answers++;
        Score(BoundFields(), $"answer {_answers}", $"answer {_answers}");
    }

    private void Score(IReadOnlyList<KeyValuePair<string, object?>> fields, string defaultTeam, string source)
    {
        AnswerReading reading;
        try
        {
            reading = AnswerReader.Read(fields, defaultTeam);
        }
        catch (AnswerInvalidException e)
        {
            Invalid(e, AnswerReader.TeamOf(fields), source);
            return;
        }

        if (reading.IgnoredFields.Count > 0)
        {
            WriteWarning($"{source}: ignored {string.Join(", ", reading.IgnoredFields.Select(f => $"'{Core.Safety.UntrustedText.Escape(f, 60)}'"))}: " +
                $"not fields of an answer ({string.Join(", ", AnswerFields.All)}).");
        }

        var score = AnswerScorer.Score(_key!, reading.Answer);
        WriteVerbose($"{source}: {score}.");
        WriteObject(new FiberSqsScore(score, _dataset, source));
    }

    /// <summary>The fields bound from the command line or the pipeline object (a CSV row's columns).</summary>
    private List<KeyValuePair<string, object?>> BoundFields()
    {
        var values = new (string Field, object? Value)[]
        {
            (AnswerFields.Team, Team), (AnswerFields.RootCauseKind, RootCauseKind), (AnswerFields.Component, Component),
            (AnswerFields.Region, Region), (AnswerFields.Start, Start), (AnswerFields.End, End), (AnswerFields.FixTime, FixTime),
            (AnswerFields.TransactionTypes, TransactionTypes), (AnswerFields.RedHerrings, RedHerrings),
            (AnswerFields.FnMissingTxnId, FnMissingTxnId), (AnswerFields.FpNonexistentTxnId, FpNonexistentTxnId),
            (AnswerFields.WrongLink, WrongLink), (AnswerFields.Tp, Tp),
        };
        return [.. values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, object?>(v.Field, AnswerInput.Unwrap(v.Value)))];
    }

    private string ResolveAnswerPath(string path)
    {
        if (!TryResolveFileSystemPath(path, "-Answer", out var resolved, out var error))
        {
            throw new AnswerInvalidException(AnswerFields.WholeAnswer, error!.Exception.Message) { Unreadable = true };
        }

        return resolved;
    }

    private void Invalid(AnswerInvalidException e, string? team, string source)
    {
        var who = team is null ? char.ToUpperInvariant(source[0]) + source[1..] : $"The answer of team '{Core.Safety.UntrustedText.Escape(team, 80)}' ({source})";
        var record = Error(e, ErrorIds.AnswerInvalid, e.Unreadable ? ErrorCategory.InvalidArgument : ErrorCategory.InvalidData, team ?? source,
            e.Field == AnswerFields.WholeAnswer
                ? "Give -Answer a hashtable, an object, or the path of a JSON file holding one object (docs/scoring.md shows one)."
                : $"Correct {e.Field} in the answer (Get-Help Measure-FiberSqsAnswer -Parameter {e.Field} says what it holds); the other answers were scored.");
        record.ErrorDetails = new ErrorDetails($"{who} cannot be scored: {e.Message}") { RecommendedAction = record.ErrorDetails!.RecommendedAction };
        WriteError(record);
    }
}
