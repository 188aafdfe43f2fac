using FiberSqs.Core.Reporting;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Tests.Generation;
using static FiberSqs.Core.Tests.Generation.TestCsv;

namespace FiberSqs.Core.Tests.Reporting;

/// <summary>The report's totals against a plain computation over every row of the small dataset: counts exactly, means to
/// rounding, the p95 within half its histogram's bin (0.5%).</summary>
public sealed class ReportTotalsTests(ReportDataset data) : IClassFixture<ReportDataset>
{
    private static readonly TableSchema Logs = TableCatalog.AppLogs;

    /// <summary>A value and the middle of its 1%-wide log bin differ by at most this factor (e^0.005, 0.5%).</summary>
    private static readonly double HalfBin = Math.Exp(0.005) + 1e-9;

    [Fact]
    public void Counts_every_row_of_the_four_tables_it_reads()
    {
        foreach (var table in ReportTotals.Tables)
        {
            Assert.Equal(data.Folder.ExpectedRows(table), data.Totals.Rows[table.Name]);
            Assert.Equal(0, data.Totals.MalformedRows[table.Name]);
        }
    }

    [Fact]
    public void Finals_timeouts_and_p95_per_region_and_hour_match_the_final_rows()
    {
        var finals = data.Rows(Logs).Where(r => r[Logs.IndexOf("event")] is "completed" or "timeout")
            .GroupBy(r => (Region: r[Logs.IndexOf("region")], Hour: data.Hour(r[0])))
            .ToDictionary(g => g.Key, g => g.ToList());
        Assert.True(finals.Count > 300, "the dataset should end transactions in many region-hours");
        Assert.Equal(finals.Values.Sum(v => v.Count), data.Totals.AppLogs.FinalRows);
        Assert.Equal(0, data.Totals.AppLogs.SkippedRows);
        foreach (var ((region, hour), rows) in finals)
        {
            var totals = data.Totals.AppLogs.Region(region)!;
            Assert.Equal(rows.Count, totals.Finals[hour]);
            Assert.Equal(rows.Count(r => r[Logs.IndexOf("event")] == "timeout"), totals.Timeouts[hour]);
            var latencies = rows.Select(r => Num(r[Logs.IndexOf("end_to_end_latency_ms")])).Order().ToList();
            var exact = latencies[(int)Math.Ceiling(0.95 * latencies.Count) - 1];
            Assert.InRange(totals.Latency[hour]!.Quantile(0.95), exact / HalfBin, exact * HalfBin);
        }
    }

    [Fact]
    public void Dependency_calls_per_region_called_and_hour_match()
    {
        var calls = data.Rows(Logs).Where(r => r[Logs.IndexOf("event")] is "completed" or "timeout" && r[Logs.IndexOf("dependency_region")] != "")
            .GroupBy(r => (Region: r[Logs.IndexOf("dependency_region")], Service: r[Logs.IndexOf("dependency_service")], Hour: data.Hour(r[0])))
            .ToList();
        Assert.NotEmpty(calls);
        foreach (var g in calls)
        {
            var hours = data.Totals.AppLogs.Dependency(g.Key.Region, g.Key.Service)!;
            Assert.Equal(g.Count(), hours.Calls[g.Key.Hour]);
            Assert.Equal(g.Count(r => r[Logs.IndexOf("event")] == "timeout"), hours.Errors[g.Key.Hour]);
            Assert.Equal(g.Average(r => Num(r[Logs.IndexOf("dependency_latency_ms")])), hours.MeanLatency(g.Key.Hour), 6);
        }
    }

    [Fact]
    public void Host_cpu_and_network_errors_per_host_and_hour_match()
    {
        var t = TableCatalog.InfraHostMetrics;
        var rows = data.Rows(t).GroupBy(r => (Region: r[1], Host: r[2], Hour: data.Hour(r[0]))).ToList();
        foreach (var g in rows)
        {
            Assert.Contains(g.Key.Host, data.Totals.Hosts.HostsOf(g.Key.Region));
            var cpu = data.Totals.Hosts.Cpu(g.Key.Host)!;
            Assert.Equal(g.Count(), cpu.Count[g.Key.Hour]);
            Assert.Equal(g.Average(r => Num(r[t.IndexOf("cpu_pct")])), cpu.Mean(g.Key.Hour), 9);
            Assert.Equal(g.Max(r => Num(r[t.IndexOf("cpu_pct")])), cpu.Max[g.Key.Hour]);
            Assert.Equal(g.Average(r => Num(r[t.IndexOf("net_errs_per_s")])), data.Totals.Hosts.NetErrors(g.Key.Host)!.Mean(g.Key.Hour), 9);
        }
    }

    [Fact]
    public void Circuit_rtt_means_and_peaks_per_circuit_and_hour_match()
    {
        var t = TableCatalog.NetworkCircuitMetrics;
        var rows = data.Rows(t).GroupBy(r => (Circuit: r[3], Hour: data.Hour(r[0]))).ToList();
        Assert.Equal(rows.Select(g => g.Key.Circuit).Distinct().Count(), data.Totals.Circuits.All.Count());
        foreach (var g in rows)
        {
            var rtt = data.Totals.Circuits.Rtt(g.Key.Circuit)!;
            Assert.Equal(g.Average(r => Num(r[t.IndexOf("rtt_ms")])), rtt.Mean(g.Key.Hour), 9);
            Assert.Equal(g.Max(r => Num(r[t.IndexOf("rtt_ms")])), rtt.Max[g.Key.Hour]);
        }

        var primary = data.Totals.Circuits.All.Single(c => c.Id == data.Story.Primary.CircuitId);
        Assert.Equal((data.Story.Primary.SrcRegion, data.Story.Primary.DstRegion), (primary.Source, primary.Destination));
    }

    [Fact]
    public void Support_calls_per_hour_match_by_region_and_in_all()
    {
        var t = TableCatalog.TsoCalls;
        var rows = data.Rows(t).ToList();
        Assert.Equal(rows.Count, data.Totals.SupportCalls.Total.Sum());
        foreach (var g in rows.GroupBy(r => data.Hour(r[t.IndexOf("timestamp")])))
        {
            Assert.Equal(g.Count(), data.Totals.SupportCalls.Total[g.Key]);
        }

        foreach (var g in rows.GroupBy(r => r[t.IndexOf("customer_region")]))
        {
            Assert.Equal(g.Count(), data.Totals.SupportCalls.Of(g.Key).Sum());
        }
    }

    [Fact]
    public void The_totals_do_not_depend_on_how_the_files_are_split()
    {
        var whole = ReportReader.Read(data.Folder, data.Grid, null, CancellationToken.None);
        foreach (var region in data.Totals.AppLogs.Regions.Names)
        {
            var split = data.Totals.AppLogs.Region(region)!;
            var one = whole.AppLogs.Region(region)!;
            Assert.Equal(one.Finals, split.Finals);
            Assert.Equal(one.Timeouts, split.Timeouts);
            Assert.Equal(one.Latency.Select(h => h?.Quantile(0.95)), split.Latency.Select(h => h?.Quantile(0.95)));
        }

        Assert.Equal(whole.SupportCalls.Total, data.Totals.SupportCalls.Total);
        foreach (var c in whole.Circuits.All)
        {
            Assert.Equal(whole.Circuits.Rtt(c.Id)!.Count, data.Totals.Circuits.Rtt(c.Id)!.Count);
        }
    }

    [Fact]
    public void A_histogram_quantile_is_within_half_a_percent_and_merging_equals_adding()
    {
        var values = Enumerable.Range(1, 10_000).Select(i => Math.Exp(i / 1000.0)).ToList();
        var all = new LogHistogram();
        var a = new LogHistogram();
        var b = new LogHistogram();
        for (var i = 0; i < values.Count; i++)
        {
            all.Add(values[i]);
            (i % 3 == 0 ? a : b).Add(values[i]);
        }

        a.Merge(b);
        foreach (var q in new[] { 0.01, 0.5, 0.95, 0.99, 1.0 })
        {
            var exact = values[(int)Math.Ceiling(q * values.Count) - 1];
            Assert.InRange(all.Quantile(q), exact / HalfBin, exact * HalfBin);
            Assert.Equal(all.Quantile(q), a.Quantile(q));
        }

        Assert.True(double.IsNaN(new LogHistogram().Quantile(0.95)));
    }
}
