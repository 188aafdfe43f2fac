using System.Management.Automation;
using FiberSqs.Core.Scenarios;

namespace FiberSqs.Commands;

/// <summary>
/// Get-FiberSqsScenario: the story a dataset tells (docs/scenarios.md). With no parameter the classic exercise;
/// -Variant n a seeded variant of the same shape and difficulty (another circuit, region pair, impacted types and
/// windows, the same for everyone); -Path a scenario file, checked field by field (ScenarioInvalid names the field).
/// Its JSON form (ConvertTo-Json -Depth 10) is a file -Path reads back unchanged; New-FiberSqsDataset -Scenario
/// generates it.
/// </summary>
[Cmdlet(VerbsCommon.Get, "FiberSqsScenario", DefaultParameterSetName = ClassicSet)]
[OutputType(typeof(FiberSqsScenario))]
public sealed class GetFiberSqsScenarioCommand : FiberSqsCmdlet
{
    private const string ClassicSet = "Classic";
    private const string VariantSet = "Variant";
    private const string PathSet = "Path";

    /// <summary>The variant number (1 or more); binds from the pipeline, so 1..30 | Get-FiberSqsScenario gives a class.</summary>
    [Parameter(Mandatory = true, ParameterSetName = VariantSet, ValueFromPipeline = true)]
    [ValidateRange(1, int.MaxValue)]
    public int Variant { get; set; }

    /// <summary>A scenario file (JSON).</summary>
    [Parameter(Mandatory = true, ParameterSetName = PathSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [Alias("PSPath", "FullName")]
    public string Path { get; set; } = "";

    /// <summary>The difficulty of the returned scenario (docs/scenarios.md: what a trainee can rely on at each level);
    /// the scenario's own when not given (classic for the classic and the variants).</summary>
    [Parameter]
    [ValidateSet(ScenarioKinds.Classic, ScenarioKinds.Standard, ScenarioKinds.Hard)]
    public string? Difficulty { get; set; }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case VariantSet:
                Emit(ExerciseScenario.DrawVariant(Variant));
                break;
            case PathSet:
                if (!TryResolveFileSystemPath(Path, "-Path", out var path, out var pathError))
                {
                    WriteError(pathError!);
                    return;
                }

                try
                {
                    Emit(ScenarioJson.ReadFile(path));
                }
                catch (ScenarioInvalidException e)
                {
                    WriteError(Error(e, ErrorIds.ScenarioInvalid, ErrorCategory.InvalidData, path,
                        $"Correct {e.Field} in the file (docs/scenarios.md describes every field), or start from Get-FiberSqsScenario | ConvertTo-Json -Depth 10."));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    WriteError(Error(e, ErrorIds.ScenarioInvalid, ErrorCategory.ReadError, path, "Check that the file exists and can be read."));
                }

                break;
            default:
                Emit(ExerciseScenario.Classic);
                break;
        }
    }

    private void Emit(ExerciseScenario scenario) =>
        WriteObject(FiberSqsScenario.From(Difficulty is null ? scenario : scenario with { Difficulty = Difficulty }));
}
