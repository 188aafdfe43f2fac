using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Language;
using FiberSqs.Core.Generation;

namespace FiberSqs.Completers;

/// <summary>
/// Tab completion for New-FiberSqsDataset -ScaleLogs: the usual scales, each with the app-log rows it gives for
/// the -AppLogRows already typed (15,000,000 by default). Any other positive number is still accepted.
/// </summary>
public sealed class ScaleLogsCompleter : IArgumentCompleter
{
    private static readonly (double Scale, string Use)[] Scales =
    [
        (0.001, "a quick dry run"),
        (0.01, "a small classroom dataset"),
        (0.1, "a medium dataset"),
        (1.0, "the full exercise dataset"),
    ];

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var rows = DatasetOptions.DefaultAppLogRows;
        if (fakeBoundParameters?["AppLogRows"] is { } bound &&
            long.TryParse(Convert.ToString(bound, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var typed) && typed > 0)
        {
            rows = typed;
        }

        foreach (var (scale, use) in Scales)
        {
            var text = scale.ToString(CultureInfo.InvariantCulture);
            if (text.StartsWith(wordToComplete ?? "", StringComparison.Ordinal))
            {
                var target = new DatasetOptions { AppLogRows = rows, ScaleLogs = scale }.AppLogRowTarget;
                if (target < 100 || target > DatasetOptions.MaxAppLogRowTarget)
                {
                    continue;
                }

                yield return new CompletionResult(text, text, CompletionResultType.ParameterValue,
                    string.Create(CultureInfo.InvariantCulture, $"{target:N0} app-log rows: {use}"));
            }
        }
    }
}
