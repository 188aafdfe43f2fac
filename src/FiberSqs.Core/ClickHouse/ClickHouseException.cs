namespace FiberSqs.Core.ClickHouse;

// Typed failures of the ClickHouse client and importer. The cmdlet maps each to a stable error id. No message
// ever carries a password or the user info of a URL: they hold the sanitized URL only.

/// <summary>Base of every ClickHouse failure; <see cref="Url"/> is the sanitized server URL.</summary>
internal class ClickHouseException : Exception
{
    public ClickHouseException() { }

    public ClickHouseException(string message) : base(message) { }

    public ClickHouseException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseException(string message, string url, Exception? inner = null) : base(message, inner) => Url = url;

    public string Url { get; } = "";
}
