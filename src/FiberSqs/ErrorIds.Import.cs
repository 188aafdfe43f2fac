namespace FiberSqs;

public static partial class ErrorIds
{
    /// <summary>Nothing answered at the ClickHouse URL (refused, DNS, timeout, connection lost mid-load).</summary>
    public const string ClickHouseUnreachable = "ClickHouseUnreachable";

    /// <summary>Something answered at the URL, but not ClickHouse's HTTP interface (e.g. the native port 9000).</summary>
    public const string NotClickHouse = "NotClickHouse";

    /// <summary>HTTP 401/403 or a ClickHouse authentication error: unknown user, wrong or missing password.</summary>
    public const string ClickHouseAuthenticationFailed = "ClickHouseAuthenticationFailed";

    /// <summary>The server refused or failed a statement; the message carries its code and text.</summary>
    public const string ClickHouseQueryFailed = "ClickHouseQueryFailed";

    /// <summary>-Uri (or CLICKHOUSE_URL) is not an http:// or https:// URL.</summary>
    public const string InvalidClickHouseUri = "InvalidClickHouseUri";

    /// <summary>A staging table received fewer or more rows than were sent; nothing was swapped in.</summary>
    public const string ImportRowCountMismatch = "ImportRowCountMismatch";

    /// <summary>A name the import must use is taken by an object it did not create (never dropped).</summary>
    public const string ClickHouseObjectConflict = "ClickHouseObjectConflict";

    /// <summary>Another import is loading into the same database.</summary>
    public const string ClickHouseImportInProgress = "ClickHouseImportInProgress";

    /// <summary>The load finished but a post-load check failed (non-terminating; the result is still returned).</summary>
    public const string PostLoadValidationFailed = "PostLoadValidationFailed";

    /// <summary>The server did not answer within -TimeoutSec (a connect, a reply, or an upload the server stopped reading).</summary>
    public const string ClickHouseTimeout = "ClickHouseTimeout";

    /// <summary>The server answered with a redirect; it is never followed (the credential would go along).</summary>
    public const string ClickHouseRedirected = "ClickHouseRedirected";

    /// <summary>A password would go over plain http to another machine without -AllowUnencryptedAuthentication; nothing was sent.</summary>
    public const string UnencryptedAuthenticationRefused = "UnencryptedAuthenticationRefused";

    /// <summary>-Database names logs, default or a system database, which an import never loads into; nothing was changed.</summary>
    public const string DatabaseNameReserved = "DatabaseNameReserved";

    /// <summary>The load finished but postload_validation.json could not be written (non-terminating; the result is still returned).</summary>
    public const string PostLoadReportWriteFailed = "PostLoadReportWriteFailed";
}
