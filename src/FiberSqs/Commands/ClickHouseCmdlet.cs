using System.Management.Automation;
using System.Net;
using FiberSqs.Completers;
using FiberSqs.Core.ClickHouse;
using FiberSqs.Validation;

namespace FiberSqs.Commands;

/// <summary>
/// What the cmdlets that talk to a ClickHouse server share: the connection parameters (-Uri, -Credential,
/// -Database, -TimeoutSec, -AllowUnencryptedAuthentication), opening the connection, and the errors of a server that
/// cannot be used at all (a bad URL, unreachable, too slow, not ClickHouse, redirecting, refusing the credential).
/// </summary>
public abstract class ClickHouseCmdlet : FiberSqsCmdlet
{
    /// <summary>The ClickHouse HTTP endpoint. Converted without PowerShell's own conversion, whose error would
    /// print the URL (and a password written into it).</summary>
    [Parameter]
    [ClickHouseUriTransformation]
    public Uri? Uri { get; set; }

    /// <summary>User and password; default $env:CLICKHOUSE_USER/$env:CLICKHOUSE_PASSWORD, else default/empty.</summary>
    [Parameter]
    [Credential]
    public PSCredential? Credential { get; set; }

    /// <summary>The database of the tables and index-pattern views.</summary>
    [Parameter]
    [ValidateDatabaseName]
    [ArgumentCompleter(typeof(DatabaseCompleter))]
    public string Database { get; set; } = ImportOptions.DefaultDatabase;

    /// <summary>Longest any wait for the server may take, in seconds (as Invoke-WebRequest's -TimeoutSec).</summary>
    [Parameter]
    [ValidateRange(1, 2_147_483)]
    public int TimeoutSec { get; set; } = ClickHouseConnectionOptions.DefaultTimeoutSeconds;

    /// <summary>Send a password over plain http to a host that is not this machine.</summary>
    [Parameter]
    public SwitchParameter AllowUnencryptedAuthentication { get; set; }

    /// <summary>Where the server's URL comes from, for the advice in errors.</summary>
    protected abstract string UriSource { get; }

    private protected ClickHouseConnectionOptions ConnectionOptions => new()
    {
        Timeout = TimeSpan.FromSeconds(TimeoutSec),
        AllowUnencryptedAuthentication = AllowUnencryptedAuthentication.IsPresent,
    };

    /// <summary>Resolves -Uri (null: the environment default); an invalid URL gives the error record
    /// InvalidClickHouseUri instead.</summary>
    private protected bool TryResolveEndpoint(out ClickHouseEndpoint endpoint, out ErrorRecord? error)
    {
        try
        {
            endpoint = ClickHouseSettings.ResolveEndpoint(Uri?.OriginalString);
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            endpoint = null!;
            // No target: the URL as given may carry a password in its user info.
            error = Error(e, ErrorIds.InvalidClickHouseUri, ErrorCategory.InvalidArgument, null,
                $"Give {UriSource} as http://host:8123, the server's HTTP interface.");
            return false;
        }
    }

    /// <summary>The credential to use: -Credential, else the URL's user info, else the environment.</summary>
    private protected NetworkCredential? ResolveCredential(ClickHouseEndpoint endpoint) =>
        ClickHouseSettings.ResolveCredential(Credential?.GetNetworkCredential(), endpoint);

    /// <summary>The error record for a server that cannot be used at all, or null when <paramref name="e"/> is another
    /// failure (a refused statement, a conflict) that the cmdlet reports in its own terms.</summary>
    /// <param name="e">What the connection threw.</param>
    /// <param name="url">The sanitized URL (never with a password).</param>
    /// <param name="unreachableNote">Added to the advice when the server does not answer.</param>
    private protected ErrorRecord? ServerUnusableError(ClickHouseException e, string url, string? unreachableNote = null) => e switch
    {
        ClickHouseTimeoutException => Error(e, ErrorIds.ClickHouseTimeout, ErrorCategory.OperationTimeout, url,
            "Raise -TimeoutSec for a slow server or network, or check that the server is running and not overloaded." +
            (unreachableNote is null ? "" : " " + unreachableNote)),
        ClickHouseUnreachableException => Error(e, ErrorIds.ClickHouseUnreachable, ErrorCategory.ConnectionError, url,
            $"Check that the server runs and that {UriSource} names its HTTP interface (port 8123 by default)." +
            (unreachableNote is null ? "" : " " + unreachableNote)),
        NotClickHouseException => Error(e, ErrorIds.NotClickHouse, ErrorCategory.ProtocolError, url,
            "Point -Uri at ClickHouse's HTTP interface (http://host:8123 by default; 9000 is the native protocol)."),
        ClickHouseRedirectedException r => Error(e, ErrorIds.ClickHouseRedirected, ErrorCategory.ConnectionError, url,
            r.Location.Length > 0
                ? $"If you trust {r.Location}, give it as -Uri; redirects are not followed, so that the credential goes only where -Uri says."
                : "Give -Uri as the server's own HTTP address; redirects are not followed, so that the credential goes only where -Uri says."),
        UnencryptedAuthenticationException => Error(e, ErrorIds.UnencryptedAuthenticationRefused, ErrorCategory.SecurityError, url,
            "Use an https:// -Uri, or add -AllowUnencryptedAuthentication to send the password over plain http anyway."),
        ClickHouseAuthenticationException => Error(e, ErrorIds.ClickHouseAuthenticationFailed, ErrorCategory.AuthenticationError, url,
            "Pass -Credential (or set $env:CLICKHOUSE_USER and $env:CLICKHOUSE_PASSWORD) for a user the server accepts."),
        _ => null,
    };
}
