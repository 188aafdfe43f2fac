using System.Management.Automation;
using FiberSqs.Core.Scenarios;

namespace FiberSqs.Commands;

/// <summary>Turns what a user gives as a scenario (the object Get-FiberSqsScenario returns, a path to its JSON, or
/// any object of the same shape, such as ConvertFrom-Json's) into the engine's scenario, checked field by field.</summary>
internal static class ScenarioInput
{
    /// <exception cref="ScenarioInvalidException">A field cannot be generated, or the file cannot be read.</exception>
    public static ExerciseScenario Resolve(PSCmdlet cmdlet, object value, Func<string, string> resolvePath)
    {
        var raw = value is PSObject ps ? ps.BaseObject : value;
        switch (raw)
        {
            case FiberSqsScenario scenario:
                return scenario.ToEngine();
            case string path:
                return ReadFile(resolvePath(path));
            case FileInfo file:
                return ReadFile(file.FullName);
            default:
                // Any other object of the same shape: PowerShell's own JSON form of it, read as a file would be.
                var json = cmdlet.InvokeCommand.NewScriptBlock("param($o) ConvertTo-Json -InputObject $o -Depth 10 -Compress").Invoke(value);
                return ScenarioJson.Read(json.Count == 1 ? json[0]?.ToString() ?? "" : "");
        }
    }

    private static ExerciseScenario ReadFile(string path)
    {
        try
        {
            return ScenarioJson.ReadFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioInvalidException("Path", $"'{path}' cannot be read: {e.Message}");
        }
    }
}
