using System.Text.RegularExpressions;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;
using T = FiberSqs.Core.Tables.TableCatalog;

namespace FiberSqs.Core.Tests.Generation;

/// <summary>The statistical and structural promises of docs/model.md, checked on generated files.</summary>
public partial class DatasetContentTests(GeneratedDataset data) : IClassFixture<GeneratedDataset>
{
    private static readonly DateTime WindowStart = Scenario.WindowStart, WindowEnd = Scenario.WindowEnd;

    [Fact]
    public void EveryFileHasItsDeclaredHeaderAndTheGroundTruthRowCount()
    {
        foreach (var table in T.All)
        {
            Assert.Equal(table.ColumnNames, TestCsv.Header(data.Csv(table)));
            var rows = data.Rows(table).Count();
            Assert.Equal(data.Truth.Generation.RowCounts[table.Name], rows);
            Assert.All(data.Rows(table).Take(2000), r => Assert.Equal(table.Columns.Count, r.Length));
        }
    }

    [Fact]
    public void FilesUseUnixLineEndsAndNoByteOrderMark()
    {
        var head = File.ReadAllBytes(data.Csv(T.AppLogs)).AsSpan(0, 4096);
        Assert.Equal((byte)'t', head[0]);
        Assert.DoesNotContain((byte)'\r', head.ToArray());
    }

    [Fact]
    public void EveryTimestampInEveryFileIsInsideTheWindow()
    {
        foreach (var table in T.All)
        {
            var timestampColumns = table.Columns.Select((c, i) => (c, i)).Where(x => x.c.IsTimestamp).Select(x => x.i).ToArray();
            foreach (var row in data.Rows(table))
            {
                foreach (var i in timestampColumns)
                {
                    var t = TestCsv.Time(row[i]);
                    Assert.True(t >= WindowStart && t < WindowEnd, $"{table.Name}.{table.Columns[i].Name} = {row[i]}");
                }
            }
        }
    }

    [GeneratedRegex(@"^TX-\d{14}-\d{7}$")] private static partial Regex TxId();
    [GeneratedRegex(@"^CUST-\d{8}$")] private static partial Regex CustomerId();
    [GeneratedRegex(@"^tr[0-9a-f]{12}$")] private static partial Regex TraceId();
    [GeneratedRegex(@"^sp[0-9a-f]{12}$")] private static partial Regex SpanId();
    [GeneratedRegex(@"^TSO-\d{17}$")] private static partial Regex CallId();
    [GeneratedRegex(@"^EVT-\d{6}$")] private static partial Regex EventId();
    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")] private static partial Regex Micros();
    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")] private static partial Regex Seconds();

    [Fact]
    public void IdsAndTimestampsHaveTheirFormats()
    {
        foreach (var r in data.Rows(T.AppLogs).Take(20_000))
        {
            Assert.Matches(Micros(), r[0]);
            Assert.Matches(TxId(), r[6]);
            Assert.Matches(TraceId(), r[7]);
            Assert.Matches(SpanId(), r[8]);
            Assert.Matches(CustomerId(), r[9]);
        }

        foreach (var r in data.Rows(T.TsoCalls))
        {
            Assert.Matches(CallId(), r[0]);
            Assert.Matches(Seconds(), r[1]);
            Assert.Matches(CustomerId(), r[2]);
        }

        Assert.All(data.Rows(T.NetworkEvents), r => Assert.Matches(EventId(), r[0]));
        Assert.All(data.Rows(T.NetworkCircuitMetrics).Take(1000), r => Assert.Matches(Seconds(), r[0]));
        var callIds = data.Rows(T.TsoCalls).Select(r => r[0]).ToList();
        Assert.Equal(callIds.Count, callIds.Distinct().Count());
    }

    [Fact]
    public void AppLogRowsLandWithinTwoPercentOfTheTarget()
    {
        var p = data.Truth.Generation.Parameters;
        Assert.Equal(400_000, p.AppLogRowsTarget);
        var actual = data.Truth.Generation.RowCounts["app_logs"];
        Assert.InRange(actual, 392_000, 408_000);
        Assert.Equal(actual, p.AppLogRowsActual);
    }

    [Fact]
    public void EachTransactionHasOneFinalEventAndTheEventsOfItsAttempts()
    {
        var perTx = new Dictionary<string, List<string>>();
        foreach (var r in data.Rows(T.AppLogs))
        {
            if (!perTx.TryGetValue(r[6], out var events))
            {
                perTx[r[6]] = events = [];
            }

            events.Add(r[11]);
        }

        Assert.Equal(data.Truth.Generation.Parameters.Transactions, perTx.Count);
        foreach (var (id, events) in perTx)
        {
            Assert.Equal(1, events.Count(e => e == "received"));
            Assert.Equal(1, events.Count(e => e is "completed" or "timeout"));
            Assert.Equal(events.Count(e => e == "timeout"), events.Count(e => e == "retry"));
            Assert.True(events.Contains("worker_progress"), id);
        }
    }

    [Fact]
    public void LatencyHasARealHeavyTailOutsideIncidents()
    {
        var latencies = new List<double>();
        foreach (var r in data.Rows(T.AppLogs))
        {
            if (r[11] is not ("completed" or "timeout"))
            {
                continue;
            }

            var t = TestCsv.Time(r[0]);
            var incident = t >= Scenario.IncidentStart.AddMinutes(-5) && t < Scenario.IncidentEnd.AddMinutes(30);
            var confounder = (t >= Scenario.CpuSpikeStart && t < Scenario.CpuSpikeEnd.AddMinutes(5))
                || (t >= Scenario.BlipStart && t < Scenario.BlipEnd.AddMinutes(5));
            if (!incident && !confounder)
            {
                latencies.Add(TestCsv.Num(r[15]));
            }
        }

        latencies.Sort();
        var p50 = latencies[latencies.Count / 2];
        var p99 = latencies[(int)(latencies.Count * 0.99)];
        Assert.True(p99 / p50 >= 5, $"p99/p50 = {p99 / p50:F2}");
        Assert.InRange(data.Truth.Generation.Parameters.LatencyTailRatio, p99 / p50 * 0.9, p99 / p50 * 1.1);
    }

    [Fact]
    public void BurstsMultiplyImpactedLatencyAndTimeoutsAndOnlyThePrimaryCircuitDegrades()
    {
        var bursts = data.Truth.PrimaryIncident.Bursts.Select(b => (TestCsv.Time(b.Start), TestCsv.Time(b.End))).ToArray();
        bool InBurst(DateTime t) => bursts.Any(b => t >= b.Item1 && t < b.Item2);

        // Impacted: central provision/modify transactions that started in a burst (txn_facts carries start_ts).
        var starts = data.Rows(T.TxnFacts).ToDictionary(r => r[0], r => (Start: TestCsv.Time(r[4]), Region: r[2], Type: r[3]));
        double impDep = 0, baseDep = 0;
        long impDepN = 0, baseDepN = 0, impTx = 0, impTo = 0, baseTx = 0, baseTo = 0;
        foreach (var r in data.Rows(T.AppLogs))
        {
            var tx = starts[r[6]];
            var impacted = tx.Region == "central" && tx.Type is "provision_fiber_sqs" or "modify_service_profile" && InBurst(tx.Start);
            if (r[11] == "dependency_call")
            {
                if (impacted) { impDep += TestCsv.Num(r[14]); impDepN++; }
                else { baseDep += TestCsv.Num(r[14]); baseDepN++; }
            }
            else if (r[11] is "completed" or "timeout")
            {
                if (impacted) { impTx++; impTo += r[11] == "timeout" ? 1 : 0; }
                else { baseTx++; baseTo += r[11] == "timeout" ? 1 : 0; }
            }
        }

        Assert.True(impTx > 100, $"only {impTx} impacted transactions");
        Assert.True(impDep / impDepN >= 4 * (baseDep / baseDepN), "dependency latency uplift below 4x");
        Assert.True((double)impTo / impTx >= 3 * ((double)baseTo / baseTx), "timeout rate uplift below 3x");
        Assert.Equal(impTx, data.Truth.PrimaryIncident.Observed.ImpactedTransactions);

        var rtt = data.Rows(T.NetworkCircuitMetrics)
            .Select(r => (Time: TestCsv.Time(r[0]), Circuit: r[3], Rtt: TestCsv.Num(r[4]))).ToList();
        var primaryBase = rtt.Where(x => x.Circuit == Scenario.PrimaryCircuitId && !InBurst(x.Time) && !InBurst(x.Time.AddSeconds(59))).Average(x => x.Rtt);
        var primaryBurst = rtt.Where(x => x.Circuit == Scenario.PrimaryCircuitId && InBurst(x.Time.AddSeconds(30))).Average(x => x.Rtt);
        Assert.True(primaryBurst >= 5 * primaryBase, $"primary RTT {primaryBurst:F1} vs {primaryBase:F1}");
        foreach (var circuit in rtt.Where(x => x.Circuit != Scenario.PrimaryCircuitId).GroupBy(x => x.Circuit))
        {
            var max = circuit.Max(x => x.Rtt);
            var mean = circuit.Average(x => x.Rtt);
            Assert.True(max < mean * 1.2, $"{circuit.Key} peaks at {max:F1} over a mean of {mean:F1}");
        }

        Assert.Equal(22, rtt.Select(x => x.Circuit).Distinct().Count() + 1); // 21 circuits: primary + 20 ordered pairs
        var observed = data.Truth.PrimaryIncident.Observed;
        Assert.InRange(observed.PrimaryRttBaselineMs.Mean, primaryBase * 0.98, primaryBase * 1.02);
    }

    [Fact]
    public void AppLogHostsAreTheInfraHostInventory()
    {
        var infra = data.Rows(T.InfraHostMetrics).Select(r => r[2]).ToHashSet();
        var app = data.Rows(T.AppLogs).Select(r => r[4]).ToHashSet();
        Assert.Equal(60, infra.Count);
        Assert.Subset(infra, app);
        Assert.Contains("fibersqs-prod-central-host07", infra);
    }

    [Fact]
    public void ConfoundersStayInTheirRegionAndWindow()
    {
        foreach (var r in data.Rows(T.InfraHostMetrics))
        {
            var t = TestCsv.Time(r[0]);
            var cpu = TestCsv.Num(r[3]);
            var errs = TestCsv.Num(r[6]);
            var spike = r[1] == "central" && t >= Scenario.CpuSpikeStart && t < Scenario.CpuSpikeEnd;
            var blip = r[1] == "west" && t >= Scenario.BlipStart && t < Scenario.BlipEnd;
            Assert.True(spike ? cpu is > 75 and < 97 : cpu < 70, $"{r[2]} cpu {cpu} at {r[0]}");
            Assert.True(blip ? errs >= 0.1 : errs <= 0.08, $"{r[2]} net errors {errs} at {r[0]}");
        }
    }

    [Fact]
    public void EverySpanHasItsParentInItsTraceAndAKnownTransaction()
    {
        var txIds = data.Rows(T.TxnFacts).Select(r => r[0]).ToHashSet();
        var spans = data.Rows(T.TraceSpans).ToList();
        var byTrace = spans.GroupBy(r => r[1]).ToDictionary(g => g.Key, g => g.Select(r => r[2]).ToHashSet());
        Assert.Equal(spans.Count, spans.Select(r => r[2]).Distinct().Count());
        foreach (var s in spans)
        {
            Assert.Contains(s[4], txIds);
            if (s[3].Length == 0)
            {
                Assert.Equal("api", s[6]);
            }
            else
            {
                Assert.Contains(s[3], byTrace[s[1]]);
            }

            Assert.Equal(s[6] == "inventory-client", s[10].Length > 0);
        }

        Assert.Equal(txIds.Count, byTrace.Count);
    }

    [Fact]
    public void TsoDefectsAreExactInTheirBandsSpreadOverTheRunAndMatchTheAnswerKey()
    {
        var noise = data.Truth.TsoNoise;
        var n = noise.TotalCalls;
        Assert.True(n >= 1000, $"only {n} calls");
        var c = noise.NoiseCounts;
        Assert.Equal(n, c.Values.Sum());
        Assert.InRange((double)c["missing"] / n, 0.02, 0.035);
        Assert.InRange((double)c["fabricated"] / (n - c["missing"]), 0.0, 0.002);
        Assert.InRange((double)c["wrong_customer"] / (n - c["missing"] - c["fabricated"]), 0.003, 0.007);

        var received = new Dictionary<string, string>();
        foreach (var r in data.Rows(T.AppLogs))
        {
            if (r[11] == "received")
            {
                received[r[6]] = r[9];
            }
        }

        var calls = data.Rows(T.TsoCalls).ToList();
        Assert.Equal(n, calls.Count);
        var details = noise.CallDetails;
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            var d = details[i];
            Assert.Equal(d.CallId, call[0]);
            Assert.Equal(d.EmittedTransactionId, call[7]);
            Assert.InRange(d.DelayMinutes, 5, 120.02);
            Assert.Equal(call[2], received[d.TrueTransactionId]); // the caller is the true transaction's customer
            switch (d.NoiseType)
            {
                case TsoNoiseType.Clean:
                    Assert.Equal(d.TrueTransactionId, call[7]);
                    break;
                case TsoNoiseType.Missing:
                    Assert.Equal("", call[7]);
                    break;
                case TsoNoiseType.Fabricated:
                    Assert.StartsWith("FAKE-TX-", call[7]);
                    Assert.False(received.ContainsKey(call[7]));
                    break;
                case TsoNoiseType.WrongCustomer:
                    Assert.NotEqual(call[2], received[call[7]]);
                    break;
                default:
                    Assert.Fail(d.NoiseType);
                    break;
            }
        }

        // Not front-loaded: the defects of each half of the run are within reason of half of them.
        var defects = details.Select((d, i) => (d, i)).Where(x => x.d.NoiseType != TsoNoiseType.Clean).Select(x => x.i).ToList();
        var firstHalf = defects.Count(i => i < n / 2);
        Assert.InRange(firstHalf, defects.Count * 0.3, defects.Count * 0.7);
    }

    [Fact]
    public void TheZipHoldsTheParticipantsBundleWithoutTheAnswerKey()
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(data.Result.ZipPath!);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(["README.md", .. T.All.Select(t => "data/" + t.FileName)], names);
        Assert.DoesNotContain(names, n => n.Contains("ground_truth", StringComparison.Ordinal));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2025, 12, 8), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void TheParticipantsReadmeGivesNothingAway()
    {
        var readme = File.ReadAllText(Path.Combine(data.Root, "README.md"));
        Assert.Contains("clickhouse-app_logs.csv", readme.Replace("<table>", "app_logs", StringComparison.Ordinal));
        foreach (var spoiler in new[] { "CKT-", "CEN-EAS", "burst", "cpu_spike", "deployment", "inventory-client", "root cause:" })
        {
            Assert.DoesNotContain(spoiler, readme, StringComparison.OrdinalIgnoreCase);
        }
    }
}
