using System.Net;
using FiberSqs.Core.Safety;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// A ClickHouse HTTP endpoint, sanitized: query string and fragment stripped, trailing slash trimmed, user info
/// removed (and kept apart as a credential, never echoed). <see cref="DisplayUrl"/> is what messages show.
/// </summary>
internal sealed class ClickHouseEndpoint
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

    /// <summary>True when the host is a loopback address: compression does not pay there, and a password may go over
    /// plain http (it never leaves the machine).</summary>
    public bool IsLoopback => BaseUri.IsLoopback;

    /// <summary>Parses and sanitizes <paramref name="url"/>; throws <see cref="ArgumentException"/> (without echoing user
    /// info) when it is not an absolute http or https URL. The user info ends at the last <c>@</c> before the path, so
    /// a raw <c>@</c>, <c>#</c> or <c>?</c> in a password stays in the password instead of cutting the URL where
    /// <see cref="Uri"/> would (and turning part of the password into the host that every message shows).</summary>
    public static ClickHouseEndpoint Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        var start = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var slash = text.IndexOf('/', start);
        var authorityEnd = slash < 0 ? text.Length : slash;
        var at = text.AsSpan(start, authorityEnd - start).LastIndexOf('@');
        NetworkCredential? credential = null;
        if (at >= 0)
        {
            credential = UserInfo(text.Substring(start, at));
            text = text[..start] + text[(start + at + 1)..];
            authorityEnd -= at + 1;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host) ||
            !string.IsNullOrEmpty(uri.UserInfo) || PathHoldsAt(text, authorityEnd))
        {
            throw new ArgumentException(Describe(url) + " is not an http:// or https:// URL of a ClickHouse server" +
                (url.Contains('@', StringComparison.Ordinal) ? " (a '/' in a password must be written %2F)." : "."), nameof(url));
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

    private static NetworkCredential UserInfo(string info)
    {
        var colon = info.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new NetworkCredential(Uri.UnescapeDataString(info), "")
            : new NetworkCredential(Uri.UnescapeDataString(info[..colon]), Uri.UnescapeDataString(info[(colon + 1)..]));
    }

    /// <summary>An '@' in the path means user info that a raw '/' in the password cut short: the part before it would
    /// be taken for the host, so the URL is refused rather than shown.</summary>
    private static bool PathHoldsAt(string text, int authorityEnd)
    {
        var end = text.IndexOfAny(['?', '#'], authorityEnd);
        return text.AsSpan(authorityEnd, (end < 0 ? text.Length : end) - authorityEnd).Contains('@');
    }

    /// <summary>The URL as given, for an error message: not at all when it may hold user info, else without its query
    /// and fragment (where a password may also be), with control characters escaped.</summary>
    internal static string Describe(string text)
    {
        if (text.Contains('@', StringComparison.Ordinal))
        {
            return "The URL given (not shown: it holds a user name or password)";
        }

        var cut = text.IndexOfAny(['?', '#']);
        return $"'{UntrustedText.Escape(cut >= 0 ? text[..cut] : text, 200)}'";
    }
}
