using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using FiberSqs.Core.ClickHouse;

namespace FiberSqs.Completers;

/// <summary>
/// Tab completion for -Database of Import-FiberSqsClickHouse and Test-FiberSqsDataset: the default
/// (fibersqs_prod) and the databases that hold a FiberSqs load on the server the command line names (its -Uri and
/// -Credential, else the environment defaults). The server gets two seconds; when it cannot answer, only the
/// default is offered and nothing is printed.
/// </summary>
public sealed class DatabaseCompleter : IArgumentCompleter
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? "").Trim('\'', '"');
        var names = new List<(string Name, string Tip)> { (ImportOptions.DefaultDatabase, "the default database") };
        foreach (var (name, url) in LoadedDatabases(fakeBoundParameters))
        {
            if (name == ImportOptions.DefaultDatabase)
            {
                names[0] = (name, $"the default database; holds a FiberSqs load on {url}");
            }
            else
            {
                names.Add((name, $"holds a FiberSqs load on {url}"));
            }
        }

        return names.Where(n => n.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(n => new CompletionResult(n.Name, n.Name, CompletionResultType.ParameterValue, n.Tip));
    }

    private static List<(string Name, string Url)> LoadedDatabases(IDictionary? bound)
    {
        try
        {
            var endpoint = ClickHouseSettings.ResolveEndpoint(Convert.ToString(bound?["Uri"], System.Globalization.CultureInfo.InvariantCulture));
            var given = bound?["Credential"] is PSCredential credential && credential != PSCredential.Empty ? credential.GetNetworkCredential() : null;
            using var timeout = new CancellationTokenSource(Patience);
            using var connection = ClickHouseConnection.OpenAsync(endpoint, ClickHouseSettings.ResolveCredential(given, endpoint), Patience, timeout.Token)
                .GetAwaiter().GetResult();
            return [.. connection.QueryAsync(ClickHouseSql.ListLoadedDatabases(), timeout.Token).GetAwaiter().GetResult()
                .Select(r => (r[0], endpoint.DisplayUrl))];
        }
        catch (Exception e) when (e is ClickHouseException or ArgumentException or OperationCanceledException or HttpRequestException or UriFormatException)
        {
            // Completion is a convenience: a server that is down, slow or refuses us just means no suggestions from it.
            return [];
        }
    }
}
