using System.Net;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// A ClickHouse HTTP endpoint, sanitized: query string and fragment stripped, trailing slash trimmed, user info
/// removed (and kept apart as a credential, never echoed). <see cref="DisplayUrl"/> is what messages show.
/// </summary>
public sealed class ClickHouseEndpoint
{
    /// <summary>Used when neither -Uri nor CLICKHOUSE_URL is given.</summary>
    public const string DefaultUrl = "http://localhost:8123";

    private ClickHouseEndpoint(Uri baseUri, NetworkCredential? userInfo)
    {
        BaseUri = baseUri;
        UserInfoCredential = userInfo;
    }

    /// <summary>The sanitized base address (no user info, query or fragment, no trailing slash).</summary>
    public Uri BaseUri { get; }

    /// <summary>The sanitized URL as text: safe to print.</summary>
    public string DisplayUrl => BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');

    /// <summary>A user and password that were written into the URL (user:password@host), or null.</summary>
    public NetworkCredential? UserInfoCredential { get; }

    /// <summary>True when the host is a loopback address (compression does not pay there).</summary>
    public bool IsLoopback => BaseUri.IsLoopback;

    /// <summary>Parses and sanitizes <paramref name="url"/>; throws <see cref="ArgumentException"/> (without echoing user
    /// info) when it is not an absolute http or https URL.</summary>
    public static ClickHouseEndpoint Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"'{Redact(url)}' is not an http:// or https:// URL of a ClickHouse server.", nameof(url));
        }

        return FromUri(uri);
    }

    /// <summary>Sanitizes an absolute URI.</summary>
    public static ClickHouseEndpoint FromUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{Redact(uri.OriginalString)}' is not an http:// or https:// URL of a ClickHouse server.", nameof(uri));
        }

        NetworkCredential? credential = null;
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            credential = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }

        var builder = new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" };
        builder.Path = builder.Path.TrimEnd('/');
        return new ClickHouseEndpoint(builder.Uri, credential);
    }

    /// <summary>The URL a request goes to: the base path plus <paramref name="relative"/> (e.g. <c>ping</c> or
    /// <c>?query=...</c>).</summary>
    public Uri Resolve(string relative)
    {
        var basePath = BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(relative.StartsWith('?') ? basePath + "/" + relative : basePath + "/" + relative.TrimStart('/'));
    }

    public override string ToString() => DisplayUrl;

    /// <summary>Removes user info and query from a URL-like string for an error message.</summary>
    internal static string Redact(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (at >= 0)
        {
            text = (scheme >= 0 && scheme < at ? text[..(scheme + 3)] : "") + "***@" + text[(at + 1)..];
        }

        var q = text.IndexOf('?', StringComparison.Ordinal);
        return q >= 0 ? text[..q] : text;
    }
}

/// <summary>
/// Where and as whom to connect when the caller leaves it open (SPEC section 2): the URL from the argument, else
/// <c>$CLICKHOUSE_URL</c>, else <see cref="ClickHouseEndpoint.DefaultUrl"/>; the credential from the argument, else
/// the URL's user info, else <c>$CLICKHOUSE_USER</c>/<c>$CLICKHOUSE_PASSWORD</c>, else user <c>default</c> with no password.
/// </summary>
public static class ClickHouseSettings
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
