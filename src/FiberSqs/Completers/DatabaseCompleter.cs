using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using FiberSqs.Core.ClickHouse;

namespace FiberSqs.Completers;

/// <summary>
/// Tab completion for -Database of Import-FiberSqsClickHouse and Test-FiberSqsDataset: the default
/// (fibersqs_prod) and the databases that hold a FiberSqs load on the server the command line names (its -Uri and
/// -Credential, else the environment defaults). The server gets two seconds; when it cannot answer, only the
/// default is offered and nothing is printed. Only names that are plain identifiers are offered: a name comes from
/// the server, and the completed text is run as part of a command line, so a name such as <c>x; Remove-Item ~ #</c>
/// must never reach it.
/// </summary>
public sealed class DatabaseCompleter : IArgumentCompleter
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? "").Trim('\'', '"');
        var names = new List<(string Name, string Tip)> { (ImportOptions.DefaultDatabase, "the default database") };
        foreach (var (name, url) in LoadedDatabases(fakeBoundParameters).Where(d => ClickHouseSql.IsIdentifier(d.Name)))
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
            var uri = bound?["Uri"] is Uri typed ? typed.OriginalString : Convert.ToString(bound?["Uri"], System.Globalization.CultureInfo.InvariantCulture);
            var endpoint = ClickHouseSettings.ResolveEndpoint(uri);
            var given = bound?["Credential"] is PSCredential credential && credential != PSCredential.Empty ? credential.GetNetworkCredential() : null;
            using var timeout = new CancellationTokenSource(Patience);
            // Never -AllowUnencryptedAuthentication here: completion does not send a password where the command would refuse to.
            using var connection = ClickHouseConnection.OpenAsync(endpoint, ClickHouseSettings.ResolveCredential(given, endpoint),
                    new ClickHouseConnectionOptions { Timeout = Patience }, timeout.Token).GetAwaiter().GetResult();
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
