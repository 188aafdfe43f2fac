using FiberSqs.Core.Model;
using T = FiberSqs.Core.Tables.TableCatalog;

namespace FiberSqs.Core.Tests.Generation;

/// <summary>Telemetry that behaves like production (the realism rules of docs/data-contract.md), checked on generated files.</summary>
public sealed class RealismTests(GeneratedDataset data) : IClassFixture<GeneratedDataset>
{
    private static readonly string[] Affected = ["provision_fiber_sqs", "modify_service_profile"];

    private Dictionary<string, string[]> Facts() => data.Rows(T.TxnFacts).ToDictionary(r => r[0]);

    [Fact]
    public void Clocks_EachHostHasItsOwnSlowlyDriftingOffsetAndATransactionsRowsAreInOrder()
    {
        var facts = Facts();
        var offsets = new Dictionary<string, List<(DateTime At, double Ms)>>();
        long transactions = 0;
        foreach (var rows in TestCsv.Transactions(data.Csv(T.AppLogs)))
        {
            transactions++;
            for (var i = 1; i < rows.Count; i++)
            {
                Assert.True(TestCsv.Time(rows[i][0]) >= TestCsv.Time(rows[i - 1][0]), $"{rows[i][6]}: {rows[i][11]} logged before {rows[i - 1][11]}");
            }

            var start = TestCsv.Time(facts[rows[0][6]][4]);
            var logged = TestCsv.Time(rows[0][0]);
            if (start > Scenario.WindowStart.AddSeconds(1))
            {
                (offsets.TryGetValue(rows[0][4], out var list) ? list : offsets[rows[0][4]] = []).Add((start, (logged - start).TotalMilliseconds));
            }
        }

        Assert.Equal(60, offsets.Count);
        foreach (var (host, list) in offsets)
        {
            Assert.All(list, o => Assert.InRange(o.Ms, -500.001, 500.001));
            // One clock per host: its error moves by at most 100 ms over the week (plus the microsecond rounding).
            Assert.True(list.Max(o => o.Ms) - list.Min(o => o.Ms) <= 100.01, $"{host}'s clock jumps around");
        }

        var means = offsets.Values.Select(l => l.Average(o => o.Ms)).ToList();
        Assert.True(means.Max() - means.Min() > 300, "the hosts' clocks hardly differ");
        Assert.True(transactions > 10_000);
    }

    [Fact]
    public void Timeouts_LastAtLeastTheirTimeoutAndNothingCompletedOutlastsIt()
    {
        var p = data.Truth.Generation.Parameters;
        Assert.Equal((3000.0, 6000.0), (p.OrchestrationTimeoutMs, p.DependencyTimeoutMs));
        long dep = 0, orch = 0;
        foreach (var rows in TestCsv.Transactions(data.Csv(T.AppLogs)))
        {
            var final = rows.Single(r => r[11] is "completed" or "timeout");
            var e2e = TestCsv.Num(final[15]);
            var calls = rows.Where(r => r[11] == "dependency_call").Select(r => TestCsv.Num(r[14])).ToList();
            if (final[11] == "timeout" && final[17] == "DEP_TIMEOUT")
            {
                dep++;
                Assert.True(calls[^1] >= p.DependencyTimeoutMs && e2e >= p.DependencyTimeoutMs, $"{final[6]} DEP_TIMEOUT after {e2e} ms");
            }
            else if (final[11] == "timeout")
            {
                orch++;
                Assert.True(e2e >= p.OrchestrationTimeoutMs, $"{final[6]} ORCH_TIMEOUT after {e2e} ms");
            }
            else if (calls.Count > 0)
            {
                Assert.All(calls, c => Assert.True(c < p.DependencyTimeoutMs, $"{final[6]}: an answered call took {c} ms"));
            }
            else
            {
                Assert.True(e2e < p.OrchestrationTimeoutMs, $"{final[6]} completed after {e2e} ms, past the orchestration timeout");
            }
        }

        Assert.True(dep > 100 && orch > 100, $"{dep} DEP_TIMEOUT, {orch} ORCH_TIMEOUT");
    }

    [Fact]
    public void Reroute_MovesTheImpactedFlowsOffThePrimaryAtTheFixTime()
    {
        var fix = Scenario.FixTime;
        var alternate = data.Truth.PrimaryIncident.RerouteCircuitId;
        Assert.Matches("^CKT-CEN-EAS-2\\d\\d$", alternate);
        Assert.DoesNotContain(data.Rows(T.AppLogs), r => r[18] == Scenario.PrimaryCircuitId && TestCsv.Time(r[0]) >= fix);
        Assert.DoesNotContain(data.Rows(T.TraceSpans), s => s[10] == Scenario.PrimaryCircuitId && TestCsv.Time(s[0]) >= fix);
        var after = data.Rows(T.AppLogs).Where(r => r[11] == "received" && r[1] == "central" && Affected.Contains(r[10]) && TestCsv.Time(r[0]) >= fix).ToList();
        Assert.True(after.Count > 100);
        Assert.All(after, r => Assert.Equal(alternate, r[18]));
        Assert.Contains(data.Rows(T.AppLogs), r => r[18] == Scenario.PrimaryCircuitId && TestCsv.Time(r[0]) >= fix.AddMinutes(-5));

        // The primary goes quiet: its throughput after the reroute is a small fraction of before.
        var primary = data.Rows(T.NetworkCircuitMetrics).Where(r => r[3] == Scenario.PrimaryCircuitId).ToList();
        var before = primary.Where(r => TestCsv.Time(r[0]) < Scenario.IncidentStart).Average(r => TestCsv.Num(r[7]));
        var afterThroughput = primary.Where(r => TestCsv.Time(r[0]) >= fix).Average(r => TestCsv.Num(r[7]));
        Assert.True(afterThroughput < before * 0.1, $"primary throughput {afterThroughput:F1} after the reroute, {before:F1} before");
    }

    [Fact]
    public void HostMetrics_FollowTheTrafficWithoutFlatCaps()
    {
        var perHour = data.Rows(T.TxnFacts).GroupBy(r => (r[2], r[4][..13])).ToDictionary(g => g.Key, g => (double)g.Count());
        var hosts = data.Rows(T.InfraHostMetrics).ToList();
        var outsideSpike = hosts.Where(r => !(r[1] == "central" && TestCsv.Time(r[0]) >= Scenario.CpuSpikeStart && TestCsv.Time(r[0]) < Scenario.CpuSpikeEnd)).ToList();
        foreach (var region in Scenario.Regions)
        {
            var cpuPerHour = outsideSpike.Where(r => r[1] == region).GroupBy(r => r[0][..13]).ToDictionary(g => g.Key, g => g.Average(r => TestCsv.Num(r[3])));
            var pairs = cpuPerHour.Where(kv => perHour.ContainsKey((region, kv.Key))).Select(kv => (Cpu: kv.Value, Load: perHour[(region, kv.Key)])).ToList();
            var r = Pearson(pairs.Select(p => p.Cpu).ToList(), pairs.Select(p => p.Load).ToList());
            Assert.True(r > 0.8, $"{region}: CPU follows traffic only with r = {r:F2}");
        }

        var cpu = hosts.Select(r => TestCsv.Num(r[3])).ToList();
        Assert.True(cpu.Max() < 100);
        var commonest = cpu.GroupBy(c => c).Max(g => g.Count());
        Assert.True(commonest < cpu.Count / 1000, $"one CPU value repeats {commonest} times: a flat cap");
        foreach (var column in new[] { 4, 5 })
        {
            var values = hosts.Select(r => TestCsv.Num(r[column])).ToList();
            Assert.True(values.GroupBy(v => v).Max(g => g.Count()) < values.Count / 1000, $"column {column} has a flat value");
        }

        // Host to host variation: the same region's hosts do not share one level.
        var hostMeans = outsideSpike.Where(r => r[1] == "east").GroupBy(r => r[2]).Select(g => g.Average(r => TestCsv.Num(r[3]))).ToList();
        Assert.True(hostMeans.Max() - hostMeans.Min() > 2, "every east host has the same CPU level");
    }

    private static double Pearson(List<double> x, List<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return cov / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }

    [Fact]
    public void Hosts_ScaleWithTheRegionsTrafficAndTheKeyListsThem()
    {
        var inventory = data.Truth.Generation.HostInventory;
        Assert.Equal(new Dictionary<string, int> { ["east"] = 15, ["west"] = 12, ["central"] = 21, ["north"] = 6, ["south"] = 6 },
            inventory.ToDictionary(kv => kv.Key, kv => kv.Value.Count));
        var infra = data.Rows(T.InfraHostMetrics).GroupBy(r => r[1]).ToDictionary(g => g.Key, g => g.Select(r => r[2]).Distinct().Order().ToList());
        foreach (var (region, names) in inventory)
        {
            Assert.Equal(names.Order(), infra[region]);
        }

        // So one host carries about the same load everywhere.
        var perHost = data.Rows(T.TxnFacts).GroupBy(r => r[2]).Select(g => g.Count() / (double)inventory[g.Key].Count).ToList();
        Assert.True(perHost.Max() / perHost.Min() < 1.2, string.Join(", ", perHost));
    }

    [Fact]
    public void Confounders_TheKeyStatesTheirMeasuredEffectAndTheyStayBelowTheIncident()
    {
        var facts = data.Rows(T.TxnFacts).ToList();
        var impactedRate = data.Truth.PrimaryIncident.Observed.ImpactedTimeoutRate;
        foreach (var c in data.Truth.Confounders)
        {
            var (start, end) = (TestCsv.Time(c.Start), TestCsv.Time(c.End));
            var inside = facts.Where(f => f[2] == c.Region && TestCsv.Time(f[4]) >= start && TestCsv.Time(f[4]) < end).ToList();
            Assert.NotNull(c.Observed);
            Assert.Equal(inside.Count, c.Observed!.TransactionsInside);
            Assert.Equal(Math.Round(inside.Count(f => f[6] == "false") / (double)inside.Count, 6), c.Observed.TimeoutRateInside);
            Assert.True(c.Observed.TimeoutRateInside > c.Observed.TimeoutRateOutside, $"{c.Name} has no effect on timeouts");
            Assert.True(c.Observed.P50LatencyMsInside > c.Observed.P50LatencyMsOutside * 1.1, $"{c.Name} does not slow its region down");
            Assert.True(c.Observed.TimeoutRateInside <= impactedRate * 0.5 + 0.05, $"{c.Name} times out at {c.Observed.TimeoutRateInside}, the incident at {impactedRate}");
            Assert.Equal(Math.Round(c.Observed.TimeoutRateInside / impactedRate, 3), c.Observed.TimeoutRateVsIncident);
        }
    }

    [Fact]
    public void SupportCalls_MatchWhatTheCustomerLived()
    {
        var facts = Facts();
        var logs = data.Rows(T.AppLogs).Where(r => r[11] is "worker_progress" or "dependency_call" or "completed").ToList();
        var attempts = logs.Where(r => r[11] == "worker_progress").GroupBy(r => r[6]).ToDictionary(g => g.Key, g => g.Count());
        var crossRegion = logs.Where(r => r[11] == "dependency_call").Select(r => r[6]).ToHashSet();
        var statuses = logs.Where(r => r[11] == "completed").ToDictionary(r => r[6], r => r[16]);
        var categories = data.Rows(T.TsoCalls).ToDictionary(r => r[0], r => r[4]);
        long fine = 0;
        foreach (var d in data.Truth.TsoNoise.CallDetails)
        {
            var f = facts[d.TrueTransactionId];
            var category = categories[d.CallId];
            if (f[6] == "false")
            {
                Assert.Contains(category, new[] { "timeout", "failure" });
                continue;
            }

            // Slow for the customer: retried, accepted for later (202), or above 2.5 × the base latency (+ 1.6 × for the call).
            var slowMs = (Affected.Contains(f[3]) ? 420 : 280) * (2.5 + (crossRegion.Contains(f[0]) ? 1.6 : 0));
            if (statuses[f[0]] == "202" || attempts[f[0]] > 1 || TestCsv.Num(f[8]) >= slowMs)
            {
                Assert.Equal("slow_provisioning", category);
            }
            else
            {
                fine++;
                Assert.NotEqual("timeout", category);
            }
        }

        Assert.True(fine < data.Truth.TsoNoise.TotalCalls * 0.1, $"{fine} of {data.Truth.TsoNoise.TotalCalls} calls are about fast, clean transactions");
    }
}
