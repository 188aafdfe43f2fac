using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using FiberSqs.Core.Scoring;

namespace FiberSqs.Completers;

/// <summary>Tab completion for Measure-FiberSqsAnswer -RootCauseKind: the four kind names and the short words
/// (network, infra, host, dependency, app, deployment), each with the kind it stands for. Not a ValidateSet: an
/// unknown word in a class's CSV is that row's AnswerInvalid, not a binding error.</summary>
public sealed class RootCauseKindCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        foreach (var (word, kind) in KindWords.Entries)
        {
            if (word.StartsWith(wordToComplete ?? "", StringComparison.OrdinalIgnoreCase))
            {
                yield return new CompletionResult(word, word, CompletionResultType.ParameterValue, word == kind ? kind : $"{word}: {kind}");
            }
        }
    }
}
