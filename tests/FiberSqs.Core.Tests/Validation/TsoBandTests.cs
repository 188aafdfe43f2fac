using FiberSqs.Core.Files;
using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using FiberSqs.Core.Validation;
using T = FiberSqs.Core.Tables.TableCatalog;

namespace FiberSqs.Core.Tests.Validation;

/// <summary>A dataset with over 1,000 support calls (the band check's minimum): 400,000 app-log rows give about
/// 1,200 calls (about 3 calls per 1,000 rows). Generated once for the class.</summary>
public sealed class TsoBandDataset : IDisposable
{
    public TsoBandDataset()
    {
        Root = Path.Combine(Path.GetTempPath(), "fibersqs-bands-" + Guid.NewGuid().ToString("N"));
        DatasetGenerator.Generate(Root, new DatasetOptions { Seed = 21, AppLogRows = 400_000 });
        Truth = GroundTruth.Load(DatasetLayout.GroundTruthPath(Root));
    }

    public string Root { get; }
    public GroundTruth Truth { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

public sealed class TsoBandTests(TsoBandDataset data) : IClassFixture<TsoBandDataset>
{
    [Fact]
    public void TheBandsApplyAndHoldOnAGoodDataset()
    {
        var report = DatasetValidator.Validate(data.Root);
        Assert.True(report.Passed, string.Join("\n", report.FailedChecks));
        var bands = report.Check(CheckNames.TsoDefectBands)!;
        Assert.True(bands.Applicable);
        Assert.True((long)bands.Figure("calls")! >= 1000);
        var noise = data.Truth.TsoNoise;
        Assert.Equal(noise.NoiseCounts[TsoNoiseType.Missing], bands.Figure("missing"));
        Assert.Equal(noise.NoiseCounts[TsoNoiseType.Fabricated], bands.Figure("fabricated"));
        Assert.Equal(noise.NoiseCounts[TsoNoiseType.WrongCustomer], bands.Figure("wrong_customer"));
    }

    private static void SetIds(DatasetCopy copy, IEnumerable<(string CallId, string From, string To)> changes)
    {
        var byCall = changes.ToDictionary(c => c.CallId);
        copy.Edit(T.TsoCalls, lines =>
        {
            for (var i = 1; i < lines.Count; i++)
            {
                var id = lines[i].Split(',')[0];
                if (byCall.TryGetValue(id, out var c))
                {
                    lines[i] = lines[i].Replace("," + c.From + ",", "," + c.To + ",", StringComparison.Ordinal);
                }
            }
        });
    }

    [Fact]
    public void TooManyMissingIdsBreakTheMissingBand()
    {
        using var copy = new DatasetCopy(data.Root);
        var blanked = data.Truth.TsoNoise.CallDetails.Where(d => d.NoiseType == TsoNoiseType.Clean).Take(data.Truth.TsoNoise.CallDetails.Count / 20).ToList();
        SetIds(copy, blanked.Select(d => (d.CallId, d.EmittedTransactionId, "")));
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.TsoClassification, CheckNames.TsoDefectBands);
        Assert.Contains("missing", ReportAssert.Check(report, CheckNames.TsoDefectBands).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoWrongLinksBreakTheWrongLinkBandEvenWhenTheAnswerKeyAgrees()
    {
        using var copy = new DatasetCopy(data.Root);
        var wrong = data.Truth.TsoNoise.CallDetails.Where(d => d.NoiseType == TsoNoiseType.WrongCustomer).ToList();
        Assert.NotEmpty(wrong);
        SetIds(copy, wrong.Select(d => (d.CallId, d.EmittedTransactionId, d.TrueTransactionId)));
        copy.EditTruth(t =>
        {
            foreach (var d in t.TsoNoise.CallDetails.Where(d => d.NoiseType == TsoNoiseType.WrongCustomer))
            {
                d.NoiseType = TsoNoiseType.Clean;
                d.EmittedTransactionId = d.TrueTransactionId;
            }

            t.TsoNoise.NoiseCounts[TsoNoiseType.Clean] += t.TsoNoise.NoiseCounts[TsoNoiseType.WrongCustomer];
            t.TsoNoise.NoiseCounts[TsoNoiseType.WrongCustomer] = 0;
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.TsoDefectBands);
        Assert.Equal(0.0, ReportAssert.Check(report, CheckNames.TsoDefectBands).Figure("wrong_link_rate"));
    }
}
