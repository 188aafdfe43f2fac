using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Reporting;
using FiberSqs.Core.Scenarios;

namespace FiberSqs.Core.Tests.Reporting;

/// <summary>The debrief of generated variants of every incident kind (not hand-made keys): the component chart sets
/// the variant's own component against its peers, the timeline names its red herrings (of any kind), and the text
/// explains each of them.</summary>
public sealed class ReportVariantTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fibersqs-rptv-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [InlineData(2)] // host_saturation
    [InlineData(3)] // dependency_outage
    [InlineData(4)] // deployment_regression
    [InlineData(7)] // dependency_outage, with a network and a deployment red herring
    public void A_generated_variant_charts_its_own_component_and_explains_its_red_herrings(int number)
    {
        var scenario = ExerciseScenario.DrawVariant(number);
        var path = Path.Combine(_root, $"v{number}");
        DatasetGenerator.Generate(path, new DatasetOptions { Seed = 7, AppLogRows = 40_000, Scenario = scenario });
        var folder = DatasetFolder.Open(path);
        var story = DebriefStory.From(folder.GroundTruth);
        Assert.Equal(scenario.Incident.Kind, story.Kind);
        var grid = new HourGrid(story.Week.Start, story.Week.End);
        var charts = DebriefReport.Charts(ReportReader.Read(folder, grid, null, CancellationToken.None), story);
        foreach (var chart in charts)
        {
            SvgAssert.Drawn(chart);
        }

        var incident = scenario.Incident;
        var component = charts.Where(c => c.Id.StartsWith(ComponentCharts.Id, StringComparison.Ordinal)).ToList();
        switch (incident.Kind)
        {
            case ScenarioKinds.HostSaturation:
                Assert.All(incident.Hosts, h => Assert.Contains(h, component[0].SeriesNames));
                break;
            case ScenarioKinds.DependencyOutage:
                Assert.All(component, c => Assert.Contains($"to {incident.DestinationRegion}", c.SeriesNames));
                break;
            default:
                Assert.Equal(incident.SourceRegion, component[0].SeriesNames.First());
                break;
        }

        var timeline = charts.Single(c => c.Id == TimelineChart.Id).SeriesNames;
        Assert.All(scenario.Confounders, c => Assert.Contains(c.Name, timeline));
        foreach (var c in story.Confounders)
        {
            var why = DebriefText.WhyRedHerring(c, story);
            Assert.True(why.Count >= 3, string.Join(" ", why));
        }
    }
}
