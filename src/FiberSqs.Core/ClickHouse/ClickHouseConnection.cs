using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using FiberSqs.Core.Safety;

namespace FiberSqs.Core.ClickHouse;

/// <summary>
/// The ClickHouse HTTP interface over a plain <see cref="HttpClient"/> (it works with every server version, 18.16
/// included). Credentials travel in the <c>X-ClickHouse-User</c>/<c>X-ClickHouse-Key</c> headers, never in the URL.
/// Open one with <see cref="OpenAsync"/>: it checks <c>GET /ping</c> and reads <c>SELECT version()</c>. Redirects are
/// never followed, a password goes over plain http only to this machine (unless allowed), every wait is bounded by
/// <see cref="ClickHouseConnectionOptions.Timeout"/> and every reply body by its size.
/// </summary>
internal sealed partial class ClickHouseConnection : IClickHouseSession, IDisposable
{
    private readonly HttpClient _http;
    private readonly string? _user;
    private readonly string? _password;
    private readonly ClickHouseConnectionOptions _options;

    private ClickHouseConnection(ClickHouseEndpoint endpoint, NetworkCredential? credential, ClickHouseConnectionOptions options)
    {
        Endpoint = endpoint;
        _options = options;
        var effective = credential ?? endpoint.UserInfoCredential;
        _user = string.IsNullOrEmpty(effective?.UserName) ? null : effective.UserName;
        _password = string.IsNullOrEmpty(effective?.Password) ? null : effective.Password;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.Timeout,
            AutomaticDecompression = DecompressionMethods.None,
            // A redirect would take the credential headers along to wherever it points: it is an error instead.
            AllowAutoRedirect = false,
            UseProxy = false,
        })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.ExpectContinue = false;
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("FiberSqs", "1.0"));
    }

    public ClickHouseEndpoint Endpoint { get; }

    /// <summary>The user the connection authenticates as (never the password).</summary>
    public string User => _user ?? "default";

    /// <summary>Longest any wait for the server may take (-TimeoutSec).</summary>
    public TimeSpan Timeout => _options.Timeout;

    public ClickHouseDialect Dialect { get; private set; } = ClickHouseDialect.Legacy;

    public ClickHouseVersion Version => Dialect.Version;

    public string DisplayName => Endpoint.DisplayUrl;

    /// <summary>Connects: <c>GET /ping</c> must answer <c>Ok.</c>, then <c>SELECT version()</c> picks the dialect.
    /// Throws <see cref="ClickHouseUnreachableException"/>, <see cref="ClickHouseTimeoutException"/>,
    /// <see cref="NotClickHouseException"/>, <see cref="ClickHouseRedirectedException"/>,
    /// <see cref="UnencryptedAuthenticationException"/> or <see cref="ClickHouseAuthenticationException"/>.</summary>
    /// <param name="endpoint">The sanitized server address.</param>
    /// <param name="credential">User and password; null for the URL's user info, else user <c>default</c> with no password.</param>
    /// <param name="options">Timeout and what may be sent; null for the defaults (100 s, no password over plain http to another host).</param>
    /// <param name="cancel">Stops the attempt.</param>
    public static async Task<ClickHouseConnection> OpenAsync(ClickHouseEndpoint endpoint, NetworkCredential? credential = null,
        ClickHouseConnectionOptions? options = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var connection = new ClickHouseConnection(endpoint, credential, options ?? new ClickHouseConnectionOptions());
        if (connection._password is not null && endpoint.BaseUri.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback &&
            !connection._options.AllowUnencryptedAuthentication)
        {
            connection.Dispose();
            throw new UnencryptedAuthenticationException(
                $"The password for user '{connection.User}' would go unencrypted over plain http to {endpoint.DisplayUrl}, which is not this machine; nothing was sent.",
                endpoint.DisplayUrl);
        }

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
        using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint.Resolve("ping"));
        var (status, body) = await SendAsync(request, "GET /ping", cancel).ConfigureAwait(false);
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
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Resolve("?wait_end_of_query=1"))
        {
            Content = new StringContent(sql, Encoding.UTF8, "text/plain"),
        };
        var (status, body) = await SendAsync(request, sql, cancel).ConfigureAwait(false);
        ThrowOnError(status, body, sql);
        return body;
    }

    /// <summary>Streams <paramref name="body"/> as the data of <paramref name="insertStatement"/> (an
    /// <c>INSERT ... FORMAT ...</c>, sent in the URL). The content is read as it is sent, never buffered whole; the
    /// timeout applies to each silence of the server (not taking more of the body, or not answering after it).</summary>
    public Task InsertAsync(string insertStatement, HttpContent body, CancellationToken cancel = default) =>
        InsertAsync(insertStatement, body, [], cancel);

    /// <summary>An INSERT whose data is the body, with query-level <paramref name="settings"/> (names and values the
    /// SQL producer chose; they go into the URL).</summary>
    public async Task InsertAsync(string insertStatement, HttpContent body, IReadOnlyList<(string Name, string Value)> settings,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(insertStatement);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(settings);
        var query = string.Concat(settings.Select(s => $"{Uri.EscapeDataString(s.Name)}={Uri.EscapeDataString(s.Value)}&"));
        using var request = new HttpRequestMessage(HttpMethod.Post,
            Endpoint.Resolve("?" + query + "input_format_allow_errors_num=0&query=" + Uri.EscapeDataString(insertStatement)));
        var (status, text) = await SendAsync(request, insertStatement, cancel, body).ConfigureAwait(false);
        ThrowOnError(status, text, insertStatement);
    }

    /// <summary>Sends one request and reads its reply, every wait bounded by the timeout. <paramref name="upload"/>, when
    /// given, is the body of an upload: each piece the server takes restarts the timeout.</summary>
    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request, string what,
        CancellationToken userCancel, HttpContent? upload = null)
    {
        if (_user is not null)
        {
            request.Headers.Add("X-ClickHouse-User", _user);
        }

        if (_password is not null)
        {
            request.Headers.Add("X-ClickHouse-Key", _password);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(userCancel);
        deadline.CancelAfter(Timeout);
        if (upload is not null)
        {
            request.Content = new KeepAliveContent(upload, () => Touch(deadline));
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            Touch(deadline);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                throw Redirected(response, what);
            }

            return (response.StatusCode, await ReadBoundedAsync(response, what, deadline.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (userCancel.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e)
        {
            throw new ClickHouseTimeoutException(
                $"{Endpoint.DisplayUrl} did not answer within {Timeout.TotalSeconds:0.#} s ({Describe(what)}). Raise -TimeoutSec for a slow server, or check that it is running.",
                Endpoint.DisplayUrl, Timeout, e);
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
                $"The connection to {Endpoint.DisplayUrl} was lost ({Describe(what)}): {Clip(e.Message)}", Endpoint.DisplayUrl, e);
        }
        catch (HttpRequestException e)
        {
            throw new ClickHouseUnreachableException(
                $"Cannot reach ClickHouse at {Endpoint.DisplayUrl} ({Describe(what)}): {Clip(Inner(e))}", Endpoint.DisplayUrl, e);
        }
        catch (IOException e)
        {
            throw new ClickHouseUnreachableException(
                $"The connection to {Endpoint.DisplayUrl} was lost ({Describe(what)}): {Clip(e.Message)}", Endpoint.DisplayUrl, e);
        }
    }

    /// <summary>Restarts the timeout: the server just showed it is there (took more of the body, or answered).</summary>
    private void Touch(CancellationTokenSource deadline)
    {
        try
        {
            deadline.CancelAfter(Timeout);
        }
        catch (ObjectDisposedException)
        {
            // the request is over; a late touch from the body's last write has nothing left to extend
        }
    }

    /// <summary>The reply body as text, refusing one larger than <see cref="ClickHouseConnectionOptions.MaxReplyBytes"/>.</summary>
    private async Task<string> ReadBoundedAsync(HttpResponseMessage response, string what, CancellationToken token)
    {
        var max = _options.MaxReplyBytes;
        if (response.Content.Headers.ContentLength > max)
        {
            throw TooLarge(what);
        }

        await using var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw TooLarge(what);
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private NotClickHouseException TooLarge(string what) => new(
        $"{Endpoint.DisplayUrl} answered with more than {_options.MaxReplyBytes >> 20} MB ({Describe(what)}): not a reply this module's queries get from ClickHouse.",
        Endpoint.DisplayUrl);

    private ClickHouseRedirectedException Redirected(HttpResponseMessage response, string what)
    {
        var location = response.Headers.Location;
        var shown = "";
        if (location is not null)
        {
            var target = location.IsAbsoluteUri ? location : new Uri(Endpoint.BaseUri, location);
            shown = target.IsAbsoluteUri && target.Scheme is "http" or "https"
                ? UntrustedText.Escape(new UriBuilder(target) { UserName = "", Password = "", Query = "", Fragment = "" }.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), 300)
                : "";
        }

        return new ClickHouseRedirectedException(
            $"{Endpoint.DisplayUrl} answered {Describe(what)} with a redirect (HTTP {(int)response.StatusCode}) to {(shown.Length > 0 ? shown : "an address it did not name")}. " +
            "Redirects are never followed, so that the credential goes nowhere else.", Endpoint.DisplayUrl, shown);
    }

    /// <summary>Success is a 2xx reply, whatever its body holds; only an error reply is read for <c>Code: N</c>.</summary>
    private void ThrowOnError(HttpStatusCode status, string body, string statement)
    {
        if ((int)status is >= 200 and < 300)
        {
            return;
        }

        var code = ErrorCode(body);
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || code is 192 or 193 or 194 or 516)
        {
            throw new ClickHouseAuthenticationException(
                $"ClickHouse at {Endpoint.DisplayUrl} refused user '{User}' (HTTP {(int)status}{(code > 0 ? $", code {code}" : "")}: {ServerText(body)}).",
                Endpoint.DisplayUrl, code);
        }

        if (code == 0 && !body.Contains("DB::Exception", StringComparison.Ordinal))
        {
            throw new ClickHouseQueryException(0, $"the server answered HTTP {(int)status} without a ClickHouse error: '{Clip(body)}'",
                (int)status, statement, Endpoint.DisplayUrl);
        }

        throw new ClickHouseQueryException(code, ServerText(body), (int)status, statement, Endpoint.DisplayUrl);
    }

    /// <summary>The ClickHouse error code at the start of an error body (<c>Code: 60, ...</c> or <c>Code: 60. DB::Exception ...</c>), or 0.</summary>
    public static int ErrorCode(string body)
    {
        var m = CodePattern().Match((body ?? "").TrimStart());
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The human part of an error body: 18.16's <c>e.displayText() = ... , e.what() = ...</c> trimmed, on one line,
    /// with the control characters a terminal would obey escaped.</summary>
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

    /// <summary>Server (or other untrusted) text for a message: one line, at most <paramref name="max"/> characters, escaped.</summary>
    private static string Clip(string text, int max = 160) => UntrustedText.Escape(text.ReplaceLineEndings(" ").Trim(), max);

    [GeneratedRegex(@"\ACode:\s*(\d{1,9})")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^Code:\s*\d+[,.]\s*")]
    private static partial Regex CodePrefix();

    public void Dispose() => _http.Dispose();
}
