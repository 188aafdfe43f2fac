using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// The ClickHouse HTTP interface over a plain <see cref="HttpClient"/> (it works with every server version, 18.16
/// included). Credentials travel in the <c>X-ClickHouse-User</c>/<c>X-ClickHouse-Key</c> headers, never in the URL.
/// Open one with <see cref="OpenAsync"/>: it checks <c>GET /ping</c> and reads <c>SELECT version()</c>.
/// </summary>
public sealed partial class ClickHouseConnection : IClickHouseSession, IDisposable
{
    private readonly HttpClient _http;
    private readonly string? _user;
    private readonly string? _password;

    private ClickHouseConnection(ClickHouseEndpoint endpoint, NetworkCredential? credential, TimeSpan queryTimeout)
    {
        Endpoint = endpoint;
        var effective = credential ?? endpoint.UserInfoCredential;
        _user = string.IsNullOrEmpty(effective?.UserName) ? null : effective.UserName;
        _password = string.IsNullOrEmpty(effective?.Password) ? null : effective.Password;
        QueryTimeout = queryTimeout;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.ExpectContinue = false;
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("FiberSqs", "1.0"));
    }

    public ClickHouseEndpoint Endpoint { get; }

    /// <summary>The user the connection authenticates as (never the password).</summary>
    public string User => _user ?? "default";

    /// <summary>Longest a single non-insert statement may take.</summary>
    public TimeSpan QueryTimeout { get; }

    public ClickHouseDialect Dialect { get; private set; } = ClickHouseDialect.Legacy;

    public ClickHouseVersion Version => Dialect.Version;

    public string DisplayName => Endpoint.DisplayUrl;

    /// <summary>Connects: <c>GET /ping</c> must answer <c>Ok.</c>, then <c>SELECT version()</c> picks the dialect.
    /// Throws <see cref="ClickHouseUnreachableException"/>, <see cref="NotClickHouseException"/> or
    /// <see cref="ClickHouseAuthenticationException"/>.</summary>
    /// <param name="endpoint">The sanitized server address.</param>
    /// <param name="credential">User and password; null for the URL's user info, else user <c>default</c> with no password.</param>
    /// <param name="queryTimeout">Longest a single non-insert statement may take (default 10 minutes).</param>
    /// <param name="cancel">Stops the attempt.</param>
    public static async Task<ClickHouseConnection> OpenAsync(ClickHouseEndpoint endpoint, NetworkCredential? credential = null,
        TimeSpan? queryTimeout = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var connection = new ClickHouseConnection(endpoint, credential, queryTimeout ?? TimeSpan.FromMinutes(10));
        try
        {
            await connection.PingAsync(cancel).ConfigureAwait(false);
            string version;
            try
            {
                var rows = await connection.QueryAsync("SELECT version()", cancel).ConfigureAwait(false);
                version = rows.Count == 1 ? rows[0][0] : "";
            }
            catch (ClickHouseQueryException e) when (e.Code == 0)
            {
                throw new NotClickHouseException(
                    $"{endpoint.DisplayUrl} answers /ping but does not run queries (HTTP {e.HttpStatus}); it is not the ClickHouse HTTP interface.",
                    endpoint.DisplayUrl, e);
            }

            try
            {
                connection.Dialect = ClickHouseDialect.For(ClickHouseVersion.Parse(version));
            }
            catch (FormatException e)
            {
                throw new NotClickHouseException($"{endpoint.DisplayUrl} answered SELECT version() with '{Clip(version)}', not a ClickHouse version.",
                    endpoint.DisplayUrl, e);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary><c>GET /ping</c>: ClickHouse answers <c>Ok.</c>.</summary>
    public async Task PingAsync(CancellationToken cancel = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint.Resolve("ping"));
        var (status, body) = await SendAsync(request, "GET /ping", cancel, timeout.Token).ConfigureAwait(false);
        if (status == HttpStatusCode.OK && body.TrimEnd() == "Ok.")
        {
            return;
        }

        throw new NotClickHouseException(
            $"{Endpoint.DisplayUrl} answered GET /ping with HTTP {(int)status} '{Clip(body)}' instead of 'Ok.': it is not a ClickHouse HTTP interface.",
            Endpoint.DisplayUrl);
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancel = default) =>
        _ = await RunAsync(sql, cancel).ConfigureAwait(false);

    public async Task<IReadOnlyList<string[]>> QueryAsync(string sql, CancellationToken cancel = default) =>
        TabSeparated.Parse(await RunAsync(sql, cancel).ConfigureAwait(false));

    /// <summary>Runs a statement (sent as the POST body) and returns the raw TabSeparated answer.</summary>
    public async Task<string> RunAsync(string sql, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(QueryTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Resolve("?wait_end_of_query=1"))
        {
            Content = new StringContent(sql, Encoding.UTF8, "text/plain"),
        };
        var (status, body) = await SendAsync(request, sql, cancel, timeout.Token).ConfigureAwait(false);
        ThrowOnError(status, body, sql);
        return body;
    }

    /// <summary>Streams <paramref name="body"/> as the data of <paramref name="insertStatement"/> (an
    /// <c>INSERT ... FORMAT ...</c>, sent in the URL). The content is read as it is sent, never buffered whole.</summary>
    public async Task InsertAsync(string insertStatement, HttpContent body, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(insertStatement);
        ArgumentNullException.ThrowIfNull(body);
        using var request = new HttpRequestMessage(HttpMethod.Post,
            Endpoint.Resolve("?input_format_allow_errors_num=0&query=" + Uri.EscapeDataString(insertStatement)))
        {
            Content = body,
        };
        var (status, text) = await SendAsync(request, insertStatement, cancel, cancel).ConfigureAwait(false);
        ThrowOnError(status, text, insertStatement);
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request, string what,
        CancellationToken userCancel, CancellationToken token)
    {
        if (_user is not null)
        {
            request.Headers.Add("X-ClickHouse-User", _user);
        }

        if (_password is not null)
        {
            request.Headers.Add("X-ClickHouse-Key", _password);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
            return (response.StatusCode, body);
        }
        catch (OperationCanceledException) when (userCancel.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            throw new ClickHouseUnreachableException(
                $"{Endpoint.DisplayUrl} did not answer in time ({Describe(what)}).", Endpoint.DisplayUrl, e);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded
            && e.InnerException is not IOException { InnerException: SocketException })
        {
            if (e.HttpRequestError == HttpRequestError.InvalidResponse)
            {
                throw new NotClickHouseException(
                    $"{Endpoint.DisplayUrl} did not answer HTTP ({Describe(what)}): is this the native port (9000) instead of the HTTP port (8123)?",
                    Endpoint.DisplayUrl, e);
            }

            throw new ClickHouseUnreachableException(
                $"The connection to {Endpoint.DisplayUrl} was lost ({Describe(what)}): {e.Message}", Endpoint.DisplayUrl, e);
        }
        catch (HttpRequestException e)
        {
            throw new ClickHouseUnreachableException(
                $"Cannot reach ClickHouse at {Endpoint.DisplayUrl} ({Describe(what)}): {Inner(e)}", Endpoint.DisplayUrl, e);
        }
        catch (IOException e)
        {
            throw new ClickHouseUnreachableException(
                $"The connection to {Endpoint.DisplayUrl} was lost ({Describe(what)}): {e.Message}", Endpoint.DisplayUrl, e);
        }
    }

    private void ThrowOnError(HttpStatusCode status, string body, string statement)
    {
        var code = ErrorCode(body);
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || code is 192 or 193 or 194 or 516)
        {
            throw new ClickHouseAuthenticationException(
                $"ClickHouse at {Endpoint.DisplayUrl} refused user '{User}' (HTTP {(int)status}{(code > 0 ? $", code {code}" : "")}: {ServerText(body)}).",
                Endpoint.DisplayUrl, code);
        }

        if (status == HttpStatusCode.OK)
        {
            return;
        }

        if (code == 0 && !body.Contains("DB::Exception", StringComparison.Ordinal))
        {
            throw new ClickHouseQueryException(0, $"the server answered HTTP {(int)status} without a ClickHouse error: '{Clip(body)}'",
                (int)status, statement, Endpoint.DisplayUrl);
        }

        throw new ClickHouseQueryException(code, ServerText(body), (int)status, statement, Endpoint.DisplayUrl);
    }

    /// <summary>The ClickHouse error code in an error body (<c>Code: 60, ...</c> or <c>Code: 60. DB::Exception ...</c>), or 0.</summary>
    public static int ErrorCode(string body)
    {
        var m = CodePattern().Match(body ?? "");
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The human part of an error body: 18.16's <c>e.displayText() = ... , e.what() = ...</c> trimmed.</summary>
    public static string ServerText(string body)
    {
        var text = (body ?? "").Trim();
        text = CodePrefix().Replace(text, "");
        text = text.Replace("e.displayText() = ", "", StringComparison.Ordinal);
        var what = text.IndexOf(", e.what() = ", StringComparison.Ordinal);
        if (what >= 0)
        {
            text = text[..what];
        }

        return Clip(text, 600);
    }

    private static string Describe(string what) =>
        what.StartsWith("GET ", StringComparison.Ordinal) ? what : "while running " + Clip(what.Split('\n')[0].Trim(), 80);

    private static string Inner(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner.Message;
    }

    private static string Clip(string text, int max = 160)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= max ? oneLine : oneLine[..max] + "...";
    }

    [GeneratedRegex(@"Code:\s*(\d+)")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^Code:\s*\d+[,.]\s*")]
    private static partial Regex CodePrefix();

    public void Dispose() => _http.Dispose();
}
