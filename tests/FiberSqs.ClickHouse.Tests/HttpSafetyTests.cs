using System.Net;
using FiberSqs.Core.ClickHouse;
using FiberSqs.Tests;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>The HTTP client against a loopback stub, for what a real server will not do on demand: redirect, answer
/// /ping and then hang, answer 200 with "Code: N" in the data, send a huge or hostile body.</summary>
public sealed class HttpSafetyTests
{
    private const string Secret = "K7q-Stub-Pa55";
    private static readonly NetworkCredential Credential = new("trainer", Secret);

    private static StubRule Rule(string match, int status, string body) => new(match, new StubReply(status, body));

    private static StubRule[] Server(params StubRule[] extra) =>
        [Rule("GET /ping", 200, "Ok.\n"), Rule("SELECT version()", 200, "18.16.1\n"), .. extra];

    /// <summary>Short, so the tests that wait it out are quick; long enough that a loaded machine still gets its answer
    /// from the stub's /ping in time.</summary>
    private static readonly ClickHouseConnectionOptions ThreeSeconds = new() { Timeout = TimeSpan.FromSeconds(3) };

    private static ClickHouseConnection Open(LoopbackHttpStub stub, NetworkCredential? credential = null, ClickHouseConnectionOptions? options = null) =>
        ClickHouseConnection.OpenAsync(ClickHouseEndpoint.Parse(stub.Url), credential, options).GetAwaiter().GetResult();

    [Fact]
    public void A_redirect_is_an_error_naming_the_new_location_and_the_credential_goes_nowhere_else()
    {
        using var elsewhere = new LoopbackHttpStub([Rule("", 200, "Ok.\n")]);
        using var stub = new LoopbackHttpStub([new StubRule("GET /ping", StubReply.Redirect(307, $"{elsewhere.Url}/other/?password=x"))]);
        var e = Assert.Throws<ClickHouseRedirectedException>(() => Open(stub, Credential));
        Assert.Equal($"{elsewhere.Url}/other", e.Location);
        Assert.Contains($"redirect (HTTP 307) to {elsewhere.Url}/other", e.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_answers_ping_and_then_hangs_is_a_timeout_after_the_timeout()
    {
        using var stub = new LoopbackHttpStub([Rule("GET /ping", 200, "Ok.\n"), new StubRule("POST", StubReply.Silent())]);
        var e = Assert.Throws<ClickHouseTimeoutException>(() => Open(stub, options: ThreeSeconds));
        Assert.Equal(TimeSpan.FromSeconds(3), e.Timeout);
        Assert.Contains("did not answer within 3 s (while running SELECT version())", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_whose_reply_never_comes_is_a_timeout()
    {
        using var stub = new LoopbackHttpStub(Server(new StubRule("INSERT", StubReply.Silent())));
        using var connection = Open(stub, options: ThreeSeconds);
        using var body = new StringContent("a,b\n1,2\n");
        await Assert.ThrowsAsync<ClickHouseTimeoutException>(() => connection.InsertAsync("INSERT INTO db.t FORMAT CSV", body));
    }

    [Fact]
    public async Task An_upload_is_timed_out_by_a_silence_of_the_server_never_by_its_length()
    {
        // A server that takes the body steadily, at 24 MB/s: 96 MB last longer than the timeout, and what the socket
        // buffers hold when the last write returns (a few MB) is read well within it.
        using (var slow = new LoopbackHttpStub(Server(new StubRule("query=INSERT", new StubReply(200, "")
               { ReadBytesPerSecond = 24 << 20 }) { BeforeBody = true })))
        using (var connection = Open(slow, options: ThreeSeconds))
        using (var body = new ChunkedContent(new byte[96 << 20]))
        {
            await connection.InsertAsync("INSERT INTO db.t FORMAT CSV", body);
        }

        // A server that stops taking the body: the upload blocks once the socket buffers are full.
        using var stalled = new LoopbackHttpStub(Server(new StubRule("query=INSERT", new StubReply(200, "")) { BeforeBody = true }));
        using var stalledConnection = Open(stalled, options: ThreeSeconds);
        using var big = new ChunkedContent(new byte[64 << 20]);
        await Assert.ThrowsAsync<ClickHouseTimeoutException>(() => stalledConnection.InsertAsync("INSERT INTO db.t FORMAT CSV", big));
    }

    /// <summary>A body sent chunked (no length), as a gzip upload is.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var at = 0; at < bytes.Length; at += 1 << 16)
            {
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(1 << 16, bytes.Length - at)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task A_successful_reply_is_data_even_when_it_reads_like_an_error_and_only_error_replies_carry_codes()
    {
        using var stub = new LoopbackHttpStub(Server(
            Rule("SELECT message", 200, "Code: 516, e.displayText() = DB::Exception: Authentication failed\n"),
            Rule("SELECT broken", 500, "Code: 60, e.displayText() = DB::Exception: Table default.x doesn't exist., e.what() = DB::Exception\n")));
        using var connection = Open(stub);
        var rows = await connection.QueryAsync("SELECT message FROM logs");
        Assert.StartsWith("Code: 516", rows[0][0], StringComparison.Ordinal);
        var e = await Assert.ThrowsAsync<ClickHouseQueryException>(() => connection.QueryAsync("SELECT broken"));
        Assert.Equal(60, e.Code);
        Assert.Equal(0, ClickHouseConnection.ErrorCode("rows mentioning Code: 516 later on"));
    }

    [Fact]
    public async Task A_reply_larger_than_the_bound_is_refused_without_reading_it_all()
    {
        using var stub = new LoopbackHttpStub(Server(new StubRule("SELECT huge", new StubReply(200, "") { BodyBytes = 2L << 20 })));
        using var connection = Open(stub, options: new ClickHouseConnectionOptions { MaxReplyBytes = 1 << 20 });
        var e = await Assert.ThrowsAsync<NotClickHouseException>(() => connection.QueryAsync("SELECT huge"));
        Assert.Contains("more than 1 MB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_text_reaches_messages_with_its_escape_sequences_escaped()
    {
        using var stub = new LoopbackHttpStub(Server(
            Rule("SELECT hostile", 500, "Code: 62, e.displayText() = DB::Exception: \u001b[2J\u001b]0;owned\u0007 \u202eevil, e.what() = DB::Exception")));
        using var connection = Open(stub);
        var e = await Assert.ThrowsAsync<ClickHouseQueryException>(() => connection.QueryAsync("SELECT hostile"));
        Assert.DoesNotContain('\u001b', e.Message);
        Assert.DoesNotContain('\u0007', e.Message);
        Assert.DoesNotContain('\u202e', e.Message);
        Assert.Contains("\\u001b[2J", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_goes_over_plain_http_only_to_this_machine_unless_allowed()
    {
        // TEST-NET-1: nothing answers there, and the refusal comes before anything is sent.
        var remote = ClickHouseEndpoint.Parse("http://192.0.2.1:8123");
        var e = await Assert.ThrowsAsync<UnencryptedAuthenticationException>(() => ClickHouseConnection.OpenAsync(remote, Credential));
        Assert.Contains("would go unencrypted", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
        // A user without a password, or with -AllowUnencryptedAuthentication, goes ahead (and here finds nothing).
        var allowed = new ClickHouseConnectionOptions { AllowUnencryptedAuthentication = true, Timeout = TimeSpan.FromSeconds(1) };
        // (Refused or timed out, by how the machine routes the address; either way the connection was tried.)
        var tried = await Assert.ThrowsAnyAsync<ClickHouseException>(() => ClickHouseConnection.OpenAsync(remote, Credential, allowed));
        Assert.True(tried is ClickHouseTimeoutException or ClickHouseUnreachableException, tried.ToString());
        tried = await Assert.ThrowsAnyAsync<ClickHouseException>(() => ClickHouseConnection.OpenAsync(remote, new NetworkCredential("trainer", ""),
            new ClickHouseConnectionOptions { Timeout = TimeSpan.FromSeconds(1) }));
        Assert.True(tried is ClickHouseTimeoutException or ClickHouseUnreachableException, tried.ToString());

        using var local = new LoopbackHttpStub(Server());
        using var connection = Open(local, Credential);
        Assert.Contains(local.Requests, r => r.Contains("X-ClickHouse-Key: " + Secret, StringComparison.Ordinal));
    }
}
