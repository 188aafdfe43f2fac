using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.Tables;

namespace FiberSqs.ClickHouse.Tests;

/// <summary>The SQL producer's dialect choices and URL sanitizing (pure functions; the engines run the SQL elsewhere).</summary>
public sealed class SqlAndEndpointTests
{
    [Theory]
    [InlineData("http://localhost:8123/", "http://localhost:8123")]
    [InlineData("http://localhost:8123/?user=x&password=secret", "http://localhost:8123")]
    [InlineData("https://bob:s3cr3t@ch.example:8443/base/#frag", "https://ch.example:8443/base")]
    [InlineData("localhost:8123", "http://localhost:8123")]
    public void Urls_are_sanitized(string input, string expected)
    {
        var endpoint = ClickHouseEndpoint.Parse(input);
        Assert.Equal(expected, endpoint.DisplayUrl);
        Assert.DoesNotContain("s3cr3t", endpoint.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", endpoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void User_info_becomes_the_credential_and_a_bad_url_never_echoes_it()
    {
        var endpoint = ClickHouseEndpoint.Parse("http://bob:p%40ss@127.0.0.1:8123");
        Assert.Equal("bob", endpoint.UserInfoCredential!.UserName);
        Assert.Equal("p@ss", endpoint.UserInfoCredential.Password);
        var e = Assert.Throws<ArgumentException>(() => ClickHouseEndpoint.Parse("ftp://bob:hunter2@host/"));
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("18.16.1", false)]
    [InlineData("19.17.4.11", false)]
    [InlineData("21.8.15.7", true)]
    [InlineData("26.5.1.1", true)]
    public void The_dialect_follows_the_version(string version, bool current)
    {
        var dialect = ClickHouseDialect.For(ClickHouseVersion.Parse(version));
        var sql = new ClickHouseSql(dialect, "fibersqs_prod", "default");
        var ddl = sql.CreateTable(TableCatalog.AppLogs, "app_logs");
        Assert.Equal(current, ddl.Contains("DateTime64", StringComparison.Ordinal));
        Assert.Equal(current, ddl.Contains("LowCardinality", StringComparison.Ordinal));
        Assert.Equal(current, sql.TsoConfusionMatrix().StartsWith("WITH", StringComparison.Ordinal));
        var view = sql.Views([20251204])[0];
        Assert.Single(sql.CreateOrReplaceView(view, exists: false));
        Assert.Equal(current ? 1 : 5, sql.CreateOrReplaceView(view, exists: true).Count);
        Assert.StartsWith(current ? "DROP VIEW" : "DROP TABLE", sql.DropView("default", "trace_spans"), StringComparison.Ordinal);
        Assert.Contains("`customer_id` Nullable(String)", ddl, StringComparison.Ordinal);
        Assert.Contains("`ts` ", ddl, StringComparison.Ordinal);
        Assert.Contains("`end_to_end_latency_ms_f64` Float64 DEFAULT", ddl, StringComparison.Ordinal);
        Assert.Contains("PARTITION BY toYYYYMMDD(ts)", ddl, StringComparison.Ordinal);
    }

    [Fact]
    public void Views_are_5_compatibility_5_region_and_5_per_day()
    {
        var sql = new ClickHouseSql(ClickHouseDialect.Current, "fibersqs_prod", "logs");
        var views = sql.Views([20251201, 20251202, 20251203]);
        Assert.Equal(5 + 5 + 15, views.Count);
        Assert.All(views.Where(v => v.Kind == "compatibility"), v => Assert.Equal("logs", v.Database));
        Assert.Contains(views, v => v.FullName == "fibersqs_prod.fibersqs_prod_central_app_logs_20251203");
        Assert.True(sql.IsIndexPatternViewName("fibersqs_prod_east_app_logs_20251209"));
        Assert.False(sql.IsIndexPatternViewName("fibersqs_prod_east_app_logs_2025120"));
        Assert.False(sql.IsIndexPatternViewName("fibersqs_prod_mars_app_logs"));
        // Every view lists the typed columns explicitly (SELECT * would hide MATERIALIZED ones).
        Assert.All(views, v => Assert.DoesNotContain("SELECT *", v.Select, StringComparison.Ordinal));
        Assert.All(views.Where(v => v.Name.Contains("app_logs", StringComparison.Ordinal)),
            v => Assert.Contains("end_to_end_latency_ms_f64", v.Select, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fibersqs_prod", true)]
    [InlineData("_x9", true)]
    [InlineData("x; DROP DATABASE default", false)]
    [InlineData("1abc", false)]
    [InlineData("", false)]
    [InlineData("default\n", false)]
    [InlineData("default\r\n", false)]
    [InlineData("fibersqs\u212Aprod", false)] // Kelvin sign, a 'K' to a case-insensitive regex
    [InlineData("fibersqs_prod\u200b", false)] // zero-width space
    [InlineData("ｆibersqs", false)] // full-width letter
    [InlineData("fibersqs\u0000", false)]
    [InlineData("db`x", false)]
    public void Only_plain_identifiers_are_accepted(string name, bool ok) => Assert.Equal(ok, ClickHouseSql.IsIdentifier(name));

    [Fact]
    public void Identifiers_are_at_most_100_characters()
    {
        Assert.True(ClickHouseSql.IsIdentifier(new string('a', 100)));
        Assert.False(ClickHouseSql.IsIdentifier(new string('a', 101)));
    }

    [Theory]
    [InlineData("logs")]
    [InlineData("Default")]
    [InlineData("system")]
    [InlineData("INFORMATION_SCHEMA")]
    [InlineData("information_schema")]
    public void The_compatibility_and_system_databases_are_reserved(string name)
    {
        Assert.True(ClickHouseSql.IsReservedDatabase(name));
        Assert.DoesNotContain("drop", ImportPlan.ReservedDatabaseMessage(name), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("http://user:K7q@Xz9#Wm4?Vb2@127.0.0.1:8123/", "user", "K7q@Xz9#Wm4?Vb2")]
    [InlineData("http://user:K7q%2FXz9@127.0.0.1:8123", "user", "K7q/Xz9")]
    [InlineData("http://us@er:K7q@127.0.0.1:8123/base?x=1", "us@er", "K7q")]
    [InlineData("127.0.0.1:8123/?u=a@b", null, null)]
    public void A_raw_at_hash_or_question_mark_in_a_password_stays_in_the_password(string url, string? user, string? password)
    {
        var endpoint = ClickHouseEndpoint.Parse(url);
        Assert.Equal(user, endpoint.UserInfoCredential?.UserName);
        Assert.Equal(password, endpoint.UserInfoCredential?.Password);
        Assert.StartsWith("http://127.0.0.1:8123", endpoint.DisplayUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://user:K7q/Xz9@127.0.0.1:8123/")]
    [InlineData("http://user:12/34@127.0.0.1:8123/")]
    [InlineData("ftp://user:K7q@Xz9#Wm4@127.0.0.1/")]
    [InlineData("http://user:K7q@[Xz9#Wm4@/")]
    [InlineData("http://user:K7q@/")]
    public void A_url_that_cannot_be_read_never_shows_any_part_of_its_password(string url)
    {
        var e = Assert.Throws<ArgumentException>(() => ClickHouseEndpoint.Parse(url));
        foreach (var part in new[] { "K7q", "Xz9", "Wm4", "12/34" })
        {
            Assert.DoesNotContain(part, e.Message, StringComparison.Ordinal);
        }
    }
}
