namespace FiberSqs.Core.ClickHouse;

// Typed failures of the ClickHouse client and importer. The cmdlet maps each to a stable error id. No message
// ever carries a password or the user info of a URL: they hold the sanitized URL only.

/// <summary>Base of every ClickHouse failure; <see cref="Url"/> is the sanitized server URL.</summary>
public class ClickHouseException : Exception
{
    public ClickHouseException() { }

    public ClickHouseException(string message) : base(message) { }

    public ClickHouseException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseException(string message, string url, Exception? inner = null) : base(message, inner) => Url = url;

    public string Url { get; } = "";
}

/// <summary>No HTTP answer: connection refused, DNS failure, timeout or a connection dropped mid-request.</summary>
public sealed class ClickHouseUnreachableException : ClickHouseException
{
    public ClickHouseUnreachableException() { }

    public ClickHouseUnreachableException(string message) : base(message) { }

    public ClickHouseUnreachableException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseUnreachableException(string message, string url, Exception? inner = null) : base(message, url, inner) { }
}

/// <summary>Something answered, but not a ClickHouse HTTP interface (wrong port, a proxy page, the native port).</summary>
public sealed class NotClickHouseException : ClickHouseException
{
    public NotClickHouseException() { }

    public NotClickHouseException(string message) : base(message) { }

    public NotClickHouseException(string message, Exception? inner) : base(message, inner) { }

    public NotClickHouseException(string message, string url, Exception? inner = null) : base(message, url, inner) { }
}

/// <summary>HTTP 401/403 or a ClickHouse authentication error (unknown user, wrong or required password).</summary>
public sealed class ClickHouseAuthenticationException : ClickHouseException
{
    public ClickHouseAuthenticationException() { }

    public ClickHouseAuthenticationException(string message) : base(message) { }

    public ClickHouseAuthenticationException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseAuthenticationException(string message, string url, int code) : base(message, url) => Code = code;

    /// <summary>The ClickHouse error code (192 unknown user, 193 wrong password, 516 authentication failed ...), or 0.</summary>
    public int Code { get; }
}

/// <summary>The server refused or failed a statement: carries its error code and text.</summary>
public sealed class ClickHouseQueryException : ClickHouseException
{
    public ClickHouseQueryException() { }

    public ClickHouseQueryException(string message) : base(message) { }

    public ClickHouseQueryException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseQueryException(int code, string serverMessage, int httpStatus, string statement, string url)
        : base($"ClickHouse error {code}: {serverMessage} (HTTP {httpStatus}, while running: {Shorten(statement)})", url)
    {
        Code = code;
        ServerMessage = serverMessage;
        HttpStatus = httpStatus;
        Statement = Shorten(statement);
    }

    /// <summary>ClickHouse's error code (e.g. 27 cannot parse input, 60 unknown table, 62 syntax error).</summary>
    public int Code { get; }

    public string ServerMessage { get; } = "";

    public int HttpStatus { get; }

    /// <summary>The statement (shortened; statements never hold credentials).</summary>
    public string Statement { get; } = "";

    private static string Shorten(string sql)
    {
        var oneLine = string.Join(' ', sql.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        return oneLine.Length <= 200 ? oneLine : oneLine[..200] + "...";
    }
}

/// <summary>The dataset folder lacks a file the import needs (a CSV of its tables, ground_truth.json) or a
/// file does not hold what ground_truth.json says.</summary>
public sealed class DatasetIncompleteException : Exception
{
    public DatasetIncompleteException() { }

    public DatasetIncompleteException(string message) : base(message) { }

    public DatasetIncompleteException(string message, Exception? inner) : base(message, inner) { }

    public DatasetIncompleteException(string message, string path) : base(message) => Path = path;

    public string Path { get; } = "";
}

/// <summary>Rows that reached a staging table differ from ground_truth.json: nothing was swapped in.</summary>
public sealed class RowCountMismatchException : Exception
{
    public RowCountMismatchException() { }

    public RowCountMismatchException(string message) : base(message) { }

    public RowCountMismatchException(string message, Exception? inner) : base(message, inner) { }

    public RowCountMismatchException(string message, string table, long expected, long loaded) : base(message)
    {
        Table = table;
        Expected = expected;
        Loaded = loaded;
    }

    public string Table { get; } = "";
    public long Expected { get; }
    public long Loaded { get; }
}

/// <summary>An object the import would replace exists but is not one of ours (e.g. a real table named
/// <c>default.trace_spans</c> where the compatibility view goes): it is never dropped.</summary>
public sealed class ClickHouseObjectConflictException : ClickHouseException
{
    public ClickHouseObjectConflictException() { }

    public ClickHouseObjectConflictException(string message) : base(message) { }

    public ClickHouseObjectConflictException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseObjectConflictException(string message, string url, string objectName) : base(message, url) => ObjectName = objectName;

    public string ObjectName { get; } = "";
}

/// <summary>Another import is loading into the same database (its staging INSERTs are running on the server).</summary>
public sealed class ClickHouseImportInProgressException : ClickHouseException
{
    public ClickHouseImportInProgressException() { }

    public ClickHouseImportInProgressException(string message) : base(message) { }

    public ClickHouseImportInProgressException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseImportInProgressException(string message, string url, string database) : base(message, url) => Database = database;

    public string Database { get; } = "";
}

/// <summary>The server did not answer within the connection's timeout (-TimeoutSec): a connect, a reply, or a request
/// body the server stopped reading.</summary>
public sealed class ClickHouseTimeoutException : ClickHouseException
{
    public ClickHouseTimeoutException() { }

    public ClickHouseTimeoutException(string message) : base(message) { }

    public ClickHouseTimeoutException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseTimeoutException(string message, string url, TimeSpan timeout, Exception? inner = null) : base(message, url, inner) =>
        Timeout = timeout;

    public TimeSpan Timeout { get; }
}

/// <summary>The server answered with a redirect. It is never followed (the credential would go along to wherever it
/// points); <see cref="Location"/> is the new address, sanitized.</summary>
public sealed class ClickHouseRedirectedException : ClickHouseException
{
    public ClickHouseRedirectedException() { }

    public ClickHouseRedirectedException(string message) : base(message) { }

    public ClickHouseRedirectedException(string message, Exception? inner) : base(message, inner) { }

    public ClickHouseRedirectedException(string message, string url, string location) : base(message, url) => Location = location;

    /// <summary>Where the redirect points (without user info or query), or empty when the reply named none.</summary>
    public string Location { get; } = "";
}

/// <summary>A password would go over plain http to a host that is not this machine; refused unless the caller allows
/// unencrypted authentication. Nothing was sent.</summary>
public sealed class UnencryptedAuthenticationException : ClickHouseException
{
    public UnencryptedAuthenticationException() { }

    public UnencryptedAuthenticationException(string message) : base(message) { }

    public UnencryptedAuthenticationException(string message, Exception? inner) : base(message, inner) { }

    public UnencryptedAuthenticationException(string message, string url) : base(message, url) { }
}
