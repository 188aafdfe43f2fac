namespace FiberSqs.Core.ClickHouse;

/// <summary>The server refused or failed a statement: carries its error code and text.</summary>
internal sealed class ClickHouseQueryException : ClickHouseException
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
