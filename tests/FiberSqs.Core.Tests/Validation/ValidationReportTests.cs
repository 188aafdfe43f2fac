using System.Text.Json;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Validation;

public sealed class ValidationReportTests
{
    private static ValidationCheck Check(string name, bool passed, bool applicable = true) =>
        new(name, passed, new FigureList().Add("rows", 12).Add("ratio", 4.25).Add("first", "x").Add("nan", double.NaN),
            "rows > 0", "message", applicable);

    [Fact]
    public void PassesOnlyWhenEveryCheckPasses()
    {
        Assert.True(new ValidationReport("p", [Check("a", true), Check("b", true)]).Passed);
        var failed = new ValidationReport("p", [Check("a", true), Check("b", false)]);
        Assert.False(failed.Passed);
        Assert.Equal("b", Assert.Single(failed.FailedChecks).Name);
    }

    [Fact]
    public void ACheckThatDoesNotApplyCountsAsPassed()
    {
        var check = Check("bands", passed: false, applicable: false);
        Assert.True(check.Passed);
        Assert.False(check.Applicable);
    }

    [Fact]
    public void FiguresKeepTheirOrderAndNormaliseTheirTypes()
    {
        var check = new ValidationCheck("c", true, new FigureList().Add("b", 3).Add("a", 1.5f).Add("t", new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc)), "t", "m");
        Assert.Equal(new[] { "b", "a", "t" }, check.Figures.Select(f => f.Name));
        Assert.IsType<long>(check.Figure("b"));
        Assert.IsType<double>(check.Figure("a"));
        Assert.Equal("2025-12-01T00:00:00.000000Z", check.Figure("t"));
        Assert.Null(check.Figure("missing"));
        Assert.Equal("b=3; a=1.5; t=2025-12-01T00:00:00.000000Z", check.FiguresText);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("passed")]
    [InlineData("threshold")]
    public void AFigureCannotShadowAKeyOfTheCheck(string figure) =>
        Assert.Throws<ArgumentException>(() => new ValidationCheck("c", true, new FigureList().Add(figure, 1), "t", "m"));

    [Fact]
    public void AFigureMustBeAScalar() => Assert.Throws<ArgumentException>(() => new ValidationFigure("x", new object()));

    [Fact]
    public void TheJsonHasPassedAndEveryCheckWithItsFiguresInline()
    {
        var json = new ValidationReport("/data/ds", [Check("a", true), Check("b", false)], TimeSpan.FromSeconds(1.5)).ToJson();
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal(1.5, root.GetProperty("elapsed_seconds").GetDouble());
        var b = root.GetProperty("checks")[1];
        Assert.Equal("b", b.GetProperty("name").GetString());
        Assert.False(b.GetProperty("passed").GetBoolean());
        Assert.Equal(12, b.GetProperty("rows").GetInt64());
        Assert.Equal(4.25, b.GetProperty("ratio").GetDouble());
        Assert.Equal(JsonValueKind.Null, b.GetProperty("nan").ValueKind);
        Assert.Equal("rows > 0", b.GetProperty("threshold").GetString());
        Assert.Equal(new[] { "name", "passed", "applicable", "rows", "ratio", "first", "nan", "threshold", "message" },
            b.EnumerateObject().Select(p => p.Name));
    }
}
