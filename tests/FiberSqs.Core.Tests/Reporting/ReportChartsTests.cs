using FiberSqs.Core.Files;
using FiberSqs.Core.Model;
using FiberSqs.Core.Reporting;
using FiberSqs.Core.Scenarios;
using FiberSqs.Core.Tests.Validation;

namespace FiberSqs.Core.Tests.Reporting;

/// <summary>The charts drawn from the small dataset, and those of the other incident kinds from hand-made answer keys
/// over the same data: each one inline SVG with its series named and drawn.</summary>
public sealed class ReportChartsTests(ReportDataset data) : IClassFixture<ReportDataset>
{
    [Fact]
    public void The_classic_gets_every_chart_each_with_its_series_drawn()
    {
        var charts = DebriefReport.Charts(data.Totals, data.Story);
        Assert.Equal([TimelineChart.Id, RegionCharts.LatencyId, RegionCharts.TimeoutId, ComponentCharts.Id, RegionCharts.CpuId, SupportCallsChart.Id],
            charts.Select(c => c.Id));
        foreach (var chart in charts)
        {
            SvgAssert.Drawn(chart);
        }

        string[] regions = ["east", "west", "central", "north", "south"];
        Assert.Equal(regions, charts.Single(c => c.Id == RegionCharts.LatencyId).SeriesNames);
        Assert.Equal(regions, charts.Single(c => c.Id == RegionCharts.CpuId).SeriesNames);
        var component = charts.Single(c => c.Id == ComponentCharts.Id).SeriesNames.ToList();
        Assert.Equal(["CKT-CEN-EAS-003 hourly peak", "CKT-CEN-EAS-003 hourly mean", "other central→east circuits (1) peak", "all other circuits (20) peak"], component);
        Assert.Equal(["incident window", $"bursts ({data.Story.Bursts.Count})", "central_cpu_spike", "west_deployment_blip"],
            charts.Single(c => c.Id == TimelineChart.Id).SeriesNames);
    }

    [Fact]
    public void Every_time_chart_shades_the_incident_and_each_confounder_and_marks_the_fix()
    {
        foreach (var chart in DebriefReport.Charts(data.Totals, data.Story).Where(c => c.Id != TimelineChart.Id))
        {
            var texts = SvgAssert.Texts(chart.Svg);
            Assert.Contains("incident", texts);
            Assert.Contains("central_cpu_spike", texts);
            Assert.Contains("west_deployment_blip", texts);
            Assert.Contains("fix", texts);
            Assert.Contains(SvgAssert.Shapes(chart.Svg), s => s.Style.Contains("fill:rgb(214,39,40)", StringComparison.Ordinal) && s.Points == 4);
        }
    }

    [Theory]
    [InlineData(ScenarioKinds.HostSaturation)]
    [InlineData(ScenarioKinds.DependencyOutage)]
    [InlineData(ScenarioKinds.DeploymentRegression)]
    public void Each_incident_kind_sets_its_component_against_its_peers(string kind)
    {
        using var copy = new DatasetCopy(data.Root);
        copy.EditTruth(t => HandMade.Incident(t, kind));
        var folder = DatasetFolder.Open(copy.Root);
        var story = DebriefStory.From(folder.GroundTruth);
        Assert.Equal(kind, story.Kind);
        var charts = DebriefReport.Charts(ReportReader.Read(folder, data.Grid, null, CancellationToken.None), story);
        foreach (var chart in charts)
        {
            SvgAssert.Drawn(chart);
        }

        var component = charts.Where(c => c.Id.StartsWith(ComponentCharts.Id, StringComparison.Ordinal)).ToList();
        switch (kind)
        {
            case ScenarioKinds.HostSaturation:
                Assert.Equal([.. HandMade.Hosts, "central's other hosts (19) mean", "central's other hosts highest"], Assert.Single(component).SeriesNames);
                break;
            case ScenarioKinds.DependencyOutage:
                Assert.Equal([ComponentCharts.Id, ComponentCharts.SecondId], component.Select(c => c.Id));
                Assert.All(component, c => Assert.Contains("to east", c.SeriesNames));
                Assert.All(component, c => Assert.Contains("inventory-client", c.Title, StringComparison.Ordinal));
                break;
            default:
                Assert.Equal(["west", "other regions"], component[0].SeriesNames);
                Assert.Equal(["east", "west", "central", "north", "south"], component[1].SeriesNames);
                break;
        }
    }
}

/// <summary>Answer keys of the other incident kinds, written over the classic's data with exactly the
/// fields SPEC.md section 10 gives them.</summary>
internal static class HandMade
{
    public static readonly string[] Hosts = ["fibersqs-prod-central-host03", "fibersqs-prod-central-host11"];

    public static void Incident(GroundTruth truth, string kind)
    {
        var p = truth.PrimaryIncident;
        p.CircuitId = null;
        p.RerouteCircuitId = null;
        switch (kind)
        {
            case ScenarioKinds.HostSaturation:
                p.RootCauseType = "infra";
                p.Hosts = [.. Hosts];
                p.DstRegion = "central";
                break;
            case ScenarioKinds.DependencyOutage:
                p.RootCauseType = "dependency";
                p.Service = "inventory-client";
                break;
            default:
                p.RootCauseType = "app";
                p.Service = "orchestrator";
                p.SrcRegion = "west";
                p.DstRegion = "west";
                break;
        }

        truth.Exercise = new ScenarioRecord
        {
            Name = "hand-made-" + kind,
            Variant = 99,
            Difficulty = ScenarioKinds.Standard,
            IncidentKind = kind,
            ConfounderKinds = truth.Confounders.ToDictionary(c => c.Name, c => DebriefStory.KindOfComponent(c.Component)),
        };
    }
}
