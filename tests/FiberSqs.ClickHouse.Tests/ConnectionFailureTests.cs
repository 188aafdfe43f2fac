using System.Net;
using System.Net.Sockets;
using FiberSqs.Core.ClickHouse;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>What a user gets wrong about the server: nothing listening, the native port, a wrong password.</summary>
[Collection(ServerTests.Name)]
public sealed class ConnectionFailureTests(ServerFixture fx)
{
    [Fact]
    public void Nothing_listening_is_ClickHouseUnreachable()
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            port = ((IPEndPoint)l.LocalEndpoint).Port;
        }

        var e = Assert.Throws<ClickHouseUnreachableException>(() =>
            SessionExtensions.Open(ClickHouseEndpoint.Parse($"http://127.0.0.1:{port}/?password=hunter2")));
        Assert.Contains($"http://127.0.0.1:{port}", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_native_protocol_port_is_NotClickHouse()
    {
        var e = Assert.Throws<NotClickHouseException>(() =>
            SessionExtensions.Open(ClickHouseEndpoint.Parse($"http://127.0.0.1:{fx.Server.TcpPort}")));
        Assert.Contains("ping", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_wrong_password_is_an_authentication_failure_that_never_shows_the_password()
    {
        const string wrong = "Wr0ng-Secret-xyz";
        var e = Assert.Throws<ClickHouseAuthenticationException>(() =>
            SessionExtensions.Open(fx.Endpoint, new NetworkCredential(ClickHouseTestServer.PasswordUser, wrong)));
        Assert.Equal(193, e.Code);
        Assert.Contains(ClickHouseTestServer.PasswordUser, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, e.ToString(), StringComparison.Ordinal);

        // In the URL's user info: used as the credential, never echoed.
        var url = $"http://{ClickHouseTestServer.PasswordUser}:{wrong}@127.0.0.1:{fx.Server.HttpPort}/";
        var e2 = Assert.Throws<ClickHouseAuthenticationException>(() =>
            SessionExtensions.Open(ClickHouseEndpoint.Parse(url)));
        Assert.DoesNotContain(wrong, e2.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_right_password_connects_and_reads_the_version()
    {
        using var c = SessionExtensions.Open(fx.Endpoint,
            new NetworkCredential(ClickHouseTestServer.PasswordUser, ClickHouseTestServer.PasswordUserSecret));
        Assert.Equal("18.16.1", c.Version.Text);
        Assert.False(c.Dialect.HasDateTime64);
        Assert.Equal(ClickHouseTestServer.PasswordUser, c.User);
    }

    [Fact]
    public void A_server_error_carries_its_code_and_text()
    {
        using var c = fx.Connect();
        var e = Assert.Throws<ClickHouseQueryException>(() => c.Exec("SELECT * FROM no_such_db.no_such_table"));
        Assert.Equal(81, e.Code);
        Assert.Contains("no_such_db", e.ServerMessage, StringComparison.Ordinal);
        Assert.StartsWith("ClickHouse error 81:", e.Message, StringComparison.Ordinal);
    }
}
