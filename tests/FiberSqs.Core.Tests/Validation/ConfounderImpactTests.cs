using FiberSqs.Core.Model;
using FiberSqs.Core.Validation;
using T = FiberSqs.Core.Tables.TableCatalog;

namespace FiberSqs.Core.Tests.Validation;

/// <summary>A red herring that hurts customers as much as the incident is no red herring: the validator says so.
/// Uses the larger dataset (enough transactions in the confounder windows for a rate).</summary>
public sealed class ConfounderImpactTests(TsoBandDataset data) : IClassFixture<TsoBandDataset>
{
    [Fact]
    public void ACpuSpikeThatTimesOutLikeTheIncidentFailsTheImpactCheck()
    {
        using var copy = new DatasetCopy(data.Root);
        var spike = data.Truth.Confounders.Single(c => c.Name == "central_cpu_spike");
        var (start, end) = (DateTime.Parse(spike.Start, null, System.Globalization.DateTimeStyles.AdjustToUniversal),
            DateTime.Parse(spike.End, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        var changed = 0;
        copy.Edit(T.AppLogs, lines =>
        {
            for (var i = 1; i < lines.Count; i++)
            {
                var f = lines[i].Split(',');
                if (f.Length < 20 || f[1] != "central" || f[11] != "completed")
                {
                    continue;
                }

                var started = DateTime.ParseExact(f[6][3..17], "yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
                if (started < start || started >= end || changed++ % 2 == 1)
                {
                    continue;
                }

                // Half the spike's completed transactions become timeouts that last their timeout.
                var cross = f[18].Length > 0;
                f[5] = "ERROR";
                f[11] = "timeout";
                f[14] = cross ? "6000" : "";
                f[15] = cross ? "7000.000" : "3100.000";
                f[16] = "504";
                f[17] = cross ? "DEP_TIMEOUT" : "ORCH_TIMEOUT";
                f[19] = "timeout";
                lines[i] = string.Join(',', f);
            }
        });
        var report = copy.Validate();
        var check = report.Check(CheckNames.ConfounderImpactBelowIncident)!;
        Assert.True(check.Applicable);
        Assert.False(check.Passed, check.Message);
        Assert.True((double)check.Figure("central_cpu_spike_vs_incident")! > 0.5);
        Assert.Contains("central_cpu_spike", check.Message, StringComparison.Ordinal);
        Assert.True(changed > 100);
    }
}
