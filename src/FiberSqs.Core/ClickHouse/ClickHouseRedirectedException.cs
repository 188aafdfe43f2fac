namespace FiberSqs.Core.ClickHouse;

/// <summary>The server answered with a redirect. It is never followed (the credential would go along to wherever it
/// points); <see cref="Location"/> is the new address, sanitized.</summary>
internal sealed class ClickHouseRedirectedException : ClickHouseException
{
    public ClickHouseRedirectedException() { }

    public ClickHouseRedirectedException(string message) : base(message) { }

    public ClickHouseRedirectedException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseRedirectedException(string message, string url, string location) : base(message, url) => Location = location;

    /// <summary>Where the redirect points (without user info or query), or empty when the reply named none.</summary>
    public string Location { get; } = "";
}
