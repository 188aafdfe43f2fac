using System.Management.Automation;
using FiberSqs.Core.ClickHouse;

namespace FiberSqs.Commands;

/// <summary>The errors every cmdlet that talks to a ClickHouse server shares: a bad URL, and a server that cannot be
/// used at all (unreachable, not ClickHouse, refusing the credential).</summary>
public abstract partial class FiberSqsCmdlet
{
    /// <summary>Resolves <paramref name="uri"/> (null: the environment default); an invalid URL gives the error record
    /// InvalidClickHouseUri instead. <paramref name="uriSource"/> names where the URL came from, for the advice.</summary>
    protected static bool TryResolveEndpoint(Uri? uri, string uriSource, out ClickHouseEndpoint endpoint, out ErrorRecord? error)
    {
        try
        {
            endpoint = ClickHouseSettings.ResolveEndpoint(uri?.OriginalString);
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            endpoint = null!;
            // No target: the URL as given may carry a password in its user info.
            error = Error(e, ErrorIds.InvalidClickHouseUri, ErrorCategory.InvalidArgument, null,
                $"Give {uriSource} as http://host:8123, the server's HTTP interface.");
            return false;
        }
    }

    /// <summary>The error record for a server that cannot be used at all, or null when <paramref name="e"/> is another
    /// failure (a refused statement, a conflict) that the cmdlet reports in its own terms.</summary>
    /// <param name="e">What the connection threw.</param>
    /// <param name="url">The sanitized URL (never with a password).</param>
    /// <param name="uriSource">Where the URL came from, e.g. "-Uri (or $env:CLICKHOUSE_URL)".</param>
    /// <param name="unreachableNote">Added to the advice when the server does not answer.</param>
    protected static ErrorRecord? ServerUnusableError(ClickHouseException e, string url, string uriSource, string? unreachableNote = null) => e switch
    {
        ClickHouseUnreachableException => Error(e, ErrorIds.ClickHouseUnreachable, ErrorCategory.ConnectionError, url,
            $"Check that the server runs and that {uriSource} names its HTTP interface (port 8123 by default)." +
            (unreachableNote is null ? "" : " " + unreachableNote)),
        NotClickHouseException => Error(e, ErrorIds.NotClickHouse, ErrorCategory.ProtocolError, url,
            "Point -Uri at ClickHouse's HTTP interface (http://host:8123 by default; 9000 is the native protocol)."),
        ClickHouseAuthenticationException => Error(e, ErrorIds.ClickHouseAuthenticationFailed, ErrorCategory.AuthenticationError, url,
            "Pass -Credential (or set $env:CLICKHOUSE_USER and $env:CLICKHOUSE_PASSWORD) for a user the server accepts."),
        _ => null,
    };
}
