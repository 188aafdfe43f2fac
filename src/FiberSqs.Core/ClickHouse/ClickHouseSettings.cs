using System.Net;
using FiberSqs.Core.Safety;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// Where and as whom to connect when the caller leaves it open (docs/architecture.md): the URL from the argument, else
/// <c>$CLICKHOUSE_URL</c>, else <see cref="ClickHouseEndpoint.DefaultUrl"/>; the credential from the argument, else
/// the URL's user info, else <c>$CLICKHOUSE_USER</c>/<c>$CLICKHOUSE_PASSWORD</c>, else user <c>default</c> with no password.
/// </summary>
internal static class ClickHouseSettings
{
    public const string UrlVariable = "CLICKHOUSE_URL";
    public const string UserVariable = "CLICKHOUSE_USER";
    public const string PasswordVariable = "CLICKHOUSE_PASSWORD";

    /// <summary>The sanitized endpoint; throws <see cref="ArgumentException"/> for a URL that is not http(s).</summary>
    public static ClickHouseEndpoint ResolveEndpoint(string? url)
    {
        var text = !string.IsNullOrWhiteSpace(url) ? url
            : Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } env ? env
            : ClickHouseEndpoint.DefaultUrl;
        return ClickHouseEndpoint.Parse(text);
    }

    /// <summary>The credential to use (null means user <c>default</c> with an empty password).</summary>
    public static NetworkCredential? ResolveCredential(NetworkCredential? credential, ClickHouseEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (credential is not null && !string.IsNullOrEmpty(credential.UserName))
        {
            return credential;
        }

        if (endpoint.UserInfoCredential is not null)
        {
            return endpoint.UserInfoCredential;
        }

        var user = Environment.GetEnvironmentVariable(UserVariable);
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        return string.IsNullOrEmpty(user) && string.IsNullOrEmpty(password)
            ? null
            : new NetworkCredential(string.IsNullOrEmpty(user) ? "default" : user, password ?? "");
    }
}
