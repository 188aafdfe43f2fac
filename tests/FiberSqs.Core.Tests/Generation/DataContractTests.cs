using FiberSqs.Core.Model;
using T = FiberSqs.Core.Tables.TableCatalog;

namespace FiberSqs.Core.Tests.Generation;

/// <summary>
/// The original generator's data contract, one test per row of the table in docs/data-contract.md: what each row
/// carries, in which format and vocabulary, so that queries written for the original's files give the same kind of
/// answer on ours.
/// </summary>
public sealed class DataContractTests(GeneratedDataset data) : IClassFixture<GeneratedDataset>
{
    private static readonly string[] Affected = ["provision_fiber_sqs", "modify_service_profile"];

    private bool InBurst(DateTime t) => data.Truth.PrimaryIncident.Bursts.Any(b => t >= TestCsv.Time(b.Start) && t < TestCsv.Time(b.End));

    private Dictionary<string, DateTime>? _starts;

    /// <summary>Burst-impacted: a central provision/modify transaction that started (txn_facts.start_ts) in a burst.</summary>
    private bool Impacted(string[] row)
    {
        _starts ??= data.Rows(T.TxnFacts).ToDictionary(r => r[0], r => TestCsv.Time(r[4]));
        return row[1] == "central" && Affected.Contains(row[10]) && InBurst(_starts[row[6]]);
    }

    [Fact]
    public void AppLogs_DependencyFieldsOnEveryRowOfACrossRegionTransaction()
    {
        long cross = 0, local = 0;
        foreach (var rows in TestCsv.Transactions(data.Csv(T.AppLogs)))
        {
            var isCross = rows.Any(r => r[11] == "dependency_call");
            foreach (var r in rows)
            {
                if (isCross)
                {
                    Assert.True(r[12].Length > 0 && r[13] == "inventory-client" && r[18].StartsWith("CKT-", StringComparison.Ordinal),
                        $"{r[6]} {r[11]}: dependency fields missing on a cross-region transaction");
                    Assert.Equal(rows[0][18], r[18]);
                    Assert.Equal(rows[0][12], r[12]);
                }
                else
                {
                    Assert.True(r[12].Length == 0 && r[13].Length == 0 && r[18].Length == 0, $"{r[6]} {r[11]}: dependency fields on a local transaction");
                }
            }

            (isCross ? ref cross : ref local)++;
        }

        Assert.True(cross > 1000 && local > 1000);

        // The query the original's exercise material uses: timeouts on the primary circuit.
        var timeoutsOnPrimary = data.Rows(T.AppLogs).Count(r => r[11] == "timeout" && r[18] == Scenario.PrimaryCircuitId);
        Assert.True(timeoutsOnPrimary > 50, $"countIf(event='timeout' AND circuit_id='{Scenario.PrimaryCircuitId}') = {timeoutsOnPrimary}");
    }

    [Fact]
    public void AppLogs_DependencyLatencyIsWholeMillisecondsOnEachCallAndTheFinalRow()
    {
        foreach (var rows in TestCsv.Transactions(data.Csv(T.AppLogs)).Take(30_000))
        {
            var isCross = rows.Any(r => r[11] == "dependency_call");
            var calls = rows.Where(r => r[11] == "dependency_call").ToList();
            foreach (var r in rows)
            {
                var carries = r[11] == "dependency_call" || (isCross && r[11] is "completed" or "timeout");
                Assert.Equal(carries, r[14].Length > 0);
                if (carries)
                {
                    Assert.True(long.TryParse(r[14], out _), $"dependency_latency_ms '{r[14]}' is not a whole number");
                }
            }

            if (isCross)
            {
                // The final row carries the latency of the last call, the one the outcome depended on.
                Assert.Equal(calls[^1][14], rows.Single(r => r[11] is "completed" or "timeout")[14]);
            }
        }
    }

    [Fact]
    public void AppLogs_ServiceFollowsTheEvent()
    {
        foreach (var rows in TestCsv.Transactions(data.Csv(T.AppLogs)).Take(30_000))
        {
            var workers = rows.Where(r => r[11] == "worker_progress").ToList();
            foreach (var r in rows)
            {
                var expected = r[11] switch
                {
                    "received" or "queued" or "completed" or "timeout" or "retry" => "api",
                    "orchestrated" or "dependency_call" => "orchestrator",
                    "worker_progress" => ReferenceEquals(r, workers[^1]) ? "worker" : "worker-retry",
                    _ => "?",
                };
                Assert.Equal(expected, r[3]);
            }
        }
    }

    [Fact]
    public void AppLogs_LevelIsInfoButForImpactedCallsTimeoutsAndRetries()
    {
        long warnCalls = 0;
        foreach (var r in data.Rows(T.AppLogs))
        {
            var expected = r[11] switch
            {
                "dependency_call" when Impacted(r) => "WARN",
                "timeout" => "ERROR",
                "retry" => "WARN",
                _ => "INFO",
            };
            Assert.True(expected == r[5], $"{r[6]} {r[11]}: level {r[5]}, expected {expected}");
            warnCalls += r[11] == "dependency_call" && r[5] == "WARN" ? 1 : 0;
        }

        Assert.True(warnCalls > 100);
    }

    [Fact]
    public void AppLogs_FinalRowCarriesTheOriginalStatusAndCode()
    {
        long accepted = 0;
        foreach (var rows in TestCsv.Transactions(data.Csv(T.AppLogs)))
        {
            var final = rows.Single(r => r[11] is "completed" or "timeout");
            var cross = final[18].Length > 0;
            if (final[11] == "completed")
            {
                Assert.Contains(final[16], new[] { "200", "202" });
                Assert.Equal("", final[17]);
                accepted += final[16] == "202" ? 1 : 0;
                Assert.DoesNotContain(rows, r => r[11] == "retry");
            }
            else
            {
                Assert.Equal("504", final[16]);
                Assert.Equal(cross ? "DEP_TIMEOUT" : "ORCH_TIMEOUT", final[17]);
                var retry = rows.Single(r => r[11] == "retry");
                Assert.Equal("", retry[16]);
                Assert.Equal("", retry[17]);
                Assert.Same(retry, rows[^1]);
            }

            Assert.All(rows.Where(r => r[11] is not ("completed" or "timeout")), r => Assert.Equal("", r[16]));
            Assert.All(rows.Where(r => r[11] != "timeout"), r => Assert.Equal("", r[17]));
        }

        Assert.True(accepted > 100, "no transaction ends in retry status (202)");
        Assert.DoesNotContain(data.Rows(T.AppLogs), r => r[17] == "RETRY_PENDING");
    }

    [Fact]
    public void AppLogs_MessagesAreTheOriginalVocabulary()
    {
        foreach (var rows in TestCsv.Transactions(data.Csv(T.AppLogs)))
        {
            var attempts = rows.Count(r => r[11] == "worker_progress");
            foreach (var r in rows)
            {
                var expected = r[11] switch
                {
                    "received" => "request received",
                    "queued" => "queued for orchestrator",
                    "orchestrated" => "routing transaction",
                    "dependency_call" => "dependency call",
                    "worker_progress" => "worker progressing",
                    "completed" when r[16] == "202" => "retry",
                    "completed" => attempts > 1 ? "completed" : "success",
                    "timeout" => "timeout",
                    "retry" => "queued for manual retry",
                    _ => "?",
                };
                Assert.Equal(expected, r[19]);
            }
        }
    }

    [Fact]
    public void AppLogs_ClusterAndHostNamesAreTheOriginals()
    {
        var inventory = data.Truth.Generation.HostInventory;
        foreach (var r in data.Rows(T.AppLogs))
        {
            Assert.Equal("fibersqs-prod-" + r[1], r[2]);
            Assert.Contains(r[4], inventory[r[1]]);
        }
    }

    [Fact]
    public void TraceSpans_CarryTheCallersRegion()
    {
        var regions = data.Rows(T.TxnFacts).ToDictionary(r => r[0], r => r[2]);
        long clientSpans = 0;
        foreach (var s in data.Rows(T.TraceSpans))
        {
            Assert.Equal(regions[s[4]], s[5]);
            clientSpans += s[6] == "inventory-client" ? 1 : 0;
        }

        Assert.True(clientSpans > 1000);
    }

    [Fact]
    public void TraceSpans_TimeoutsErrorTheRootWorkerAndLastCallButNotTheOrchestrator()
    {
        var timedOut = data.Rows(T.TxnFacts).Where(r => r[6] == "false").Select(r => r[0]).ToHashSet();
        foreach (var trace in data.Rows(T.TraceSpans).GroupBy(s => s[4]))
        {
            var spans = trace.ToList();
            var failed = timedOut.Contains(trace.Key);
            Assert.Equal("ok", spans.Single(s => s[6] == "orchestrator")[9]);
            Assert.Equal(failed ? "error" : "ok", spans.Single(s => s[6] == "api")[9]);
            Assert.Equal(failed ? "error" : "ok", spans.Single(s => s[6] == "worker")[9]);
            var calls = spans.Where(s => s[6] == "inventory-client").ToList();
            if (calls.Count > 0)
            {
                Assert.Equal(failed ? "error" : "ok", calls[^1][9]);
                // An attempt that was retried failed: its span says so.
                Assert.All(calls.SkipLast(1), c => Assert.Equal("error", c[9]));
            }
        }
    }

    [Fact]
    public void TraceSpans_SpanIdsAreTheAppLogsSpanIds()
    {
        var spans = data.Rows(T.TraceSpans).Select(s => (s[1], s[2])).ToHashSet();
        foreach (var r in data.Rows(T.AppLogs).Take(100_000))
        {
            Assert.Contains((r[7], r[8]), spans);
        }
    }

    [Fact]
    public void TxnFacts_SuccessIsTrueOrFalseAndFalseOnlyForTimeouts()
    {
        var finals = data.Rows(T.AppLogs).Where(r => r[11] is "completed" or "timeout").ToDictionary(r => r[6], r => (r[11], r[17]));
        long failures = 0;
        foreach (var f in data.Rows(T.TxnFacts))
        {
            var (evt, code) = finals[f[0]];
            Assert.Equal(evt == "timeout" ? "false" : "true", f[6]);
            Assert.Equal(code, f[7]);
            failures += f[6] == "false" ? 1 : 0;
        }

        Assert.True(failures > 100);
    }

    private static readonly string[] Notes =
    [
        "customer experiencing slow provisioning", "reported stalled order", "timeout observed during modify",
        "customer claims service stuck", "tso triage indicates regional delay", "TSO call referencing long queue",
    ];

    [Fact]
    public void TsoCalls_UseTheOriginalVocabulary()
    {
        var calls = data.Rows(T.TsoCalls).ToList();
        Assert.All(calls, c =>
        {
            Assert.Contains(c[4], new[] { "slow_provisioning", "timeout", "failure" });
            Assert.Contains(c[5], Notes);
            Assert.InRange(int.Parse(c[8], System.Globalization.CultureInfo.InvariantCulture), 10, 180);
            Assert.Contains(c[9], new[] { "true", "false" });
            Assert.Contains(c[10], new[] { "system_resolved", "manual_intervention", "customer_callback" });
        });
        foreach (var category in new[] { "slow_provisioning", "timeout", "failure" })
        {
            Assert.Contains(calls, c => c[4] == category);
        }
    }

    [Fact]
    public void NetworkEvents_UseTheOriginalVocabularyAndSignals()
    {
        var events = data.Rows(T.NetworkEvents).ToList();
        Assert.All(events, e =>
        {
            Assert.Contains(e[2], new[] { "packet_loss_burst", "reroute", "maintenance", "flap" });
            Assert.Contains(e[6], new[] { "critical", "warning", "info" });
        });
        var primary = events.Where(e => e[5] == Scenario.PrimaryCircuitId).ToList();
        Assert.Equal(2, primary.Count); // nothing else fires on the primary alone
        var start = primary.Single(e => e[2] == "packet_loss_burst");
        Assert.Equal(("critical", Scenario.IncidentStart), (start[6], TestCsv.Time(start[1])));
        var reroute = primary.Single(e => e[2] == "reroute");
        Assert.Equal(("info", Scenario.FixTime), (reroute[6], TestCsv.Time(reroute[1])));
        Assert.Contains(data.Truth.PrimaryIncident.RerouteCircuitId!, reroute[7], StringComparison.Ordinal);
        var background = events.Where(e => e[5] != Scenario.PrimaryCircuitId).ToList();
        Assert.InRange(background.Count, 10, 16);
        Assert.DoesNotContain(background, e => e[6] == "critical");
    }

    [Fact]
    public void ServiceMetrics_HaveOneRowPerMinuteRegionAndTypeWithTrafficAndTheOriginalFormulas()
    {
        var rows = data.Rows(T.ServiceMetrics).ToList();
        var cells = new Dictionary<(string, string, string), List<(double Ms, bool Timeout, bool Retried)>>();
        var attempts = new Dictionary<string, int>();
        foreach (var r in data.Rows(T.AppLogs).Where(r => r[11] == "worker_progress"))
        {
            attempts[r[6]] = attempts.GetValueOrDefault(r[6]) + 1;
        }

        foreach (var f in data.Rows(T.TxnFacts))
        {
            var key = (f[4][..16] + ":00Z", f[2], f[3]);
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }

            list.Add((TestCsv.Num(f[8]), f[6] == "false", attempts[f[0]] > 1));
        }

        Assert.Equal(cells.Count, rows.Count);
        foreach (var r in rows)
        {
            var cell = cells[(r[0], r[1], r[2])];
            Assert.Equal(cell.Count / 60.0, TestCsv.Num(r[3]), 0.00006);
            Assert.True(TestCsv.Num(r[5]) <= TestCsv.Num(r[6]));
            var errorRate = cell.Count(c => c.Timeout) / (double)cell.Count;
            var retryRate = cell.Count(c => c.Retried) / (double)cell.Count;
            var saturation = Math.Min(1, 0.15 + 0.7 * retryRate + errorRate + 0.25 * Math.Min(1, TestCsv.Num(r[5]) / 2500));
            Assert.Equal(errorRate, TestCsv.Num(r[4]), 0.00006); // written with 4 decimals
            Assert.Equal(saturation, TestCsv.Num(r[7]), 0.0002);
        }

        Assert.Equal(data.Truth.Generation.Parameters.Transactions, cells.Values.Sum(c => c.Count));
    }

    [Fact]
    public void GroundTruth_TimestampsAreWrittenAsTheOriginal()
    {
        var t = data.Truth;
        var stamps = new[] { t.TimeRange.Start, t.TimeRange.End, t.PrimaryIncident.Start, t.PrimaryIncident.End, t.PrimaryIncident.FixTime }
            .Concat(t.Confounders.SelectMany(c => new[] { c.Start, c.End })).Concat(t.PrimaryIncident.Bursts.SelectMany(b => new[] { b.Start, b.End }));
        Assert.All(stamps, s => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", s));
        Assert.Equal("2025-12-03T12:20:00.000000Z", t.PrimaryIncident.Start);
    }

    [Fact]
    public void GroundTruth_ConfoundersHaveTheOriginalsComponents()
    {
        Assert.Equal(["central_cpu_spike", "west_deployment_blip"], data.Truth.Confounders.Select(c => c.Name));
        Assert.Equal(["infra", "app"], data.Truth.Confounders.Select(c => c.Component));
        Assert.Equal(["central", "west"], data.Truth.Confounders.Select(c => c.Region));
    }

    [Fact]
    public void GroundTruth_TheOriginalsParameterKeysHoldWhatTheDataHas()
    {
        var p = data.Truth.Generation.Parameters;
        var bursts = data.Truth.PrimaryIncident.Bursts.Select(b => (Start: TestCsv.Time(b.Start), End: TestCsv.Time(b.End))).ToList();
        var durations = bursts.Select(b => (b.End - b.Start).TotalMinutes).ToList();
        Assert.Equal([Math.Round(durations.Min(), 2), Math.Round(durations.Max(), 2)], p.IncidentBurstDurationMinutes);
        Assert.Equal(Math.Round(bursts.Zip(bursts.Skip(1), (a, b) => (b.Start - a.Start).TotalMinutes).Average(), 2), p.IncidentBurstIntervalMinutes);
        Assert.InRange(p.IncidentBurstIntervalMinutes, 17, 23);

        var primary = data.Rows(T.NetworkCircuitMetrics).Where(r => r[3] == Scenario.PrimaryCircuitId)
            .Select(r => (Time: TestCsv.Time(r[0]), Rtt: TestCsv.Num(r[4]))).ToList();
        bool BurstMinute(DateTime t) => bursts.Any(b => b.Start < t.AddMinutes(1) && t < b.End);
        var burstRtt = primary.Where(x => BurstMinute(x.Time)).Select(x => x.Rtt).ToList();
        Assert.Equal([Math.Round(burstRtt.Min(), 2), Math.Round(burstRtt.Max(), 2)], p.NetworkBurstRttRangeMs);
        Assert.Equal(primary.Where(x => !BurstMinute(x.Time)).Average(x => x.Rtt), p.NetworkBaselineRttMs, 1);

        // Answered calls of impacted transactions, over the 420 ms base latency.
        var ratios = data.Rows(T.AppLogs).Where(r => r[11] == "dependency_call" && Impacted(r) && TestCsv.Num(r[14]) < p.DependencyTimeoutMs)
            .Select(r => TestCsv.Num(r[14]) / 420).ToList();
        Assert.InRange(p.DependencyLatencyMultiplier[0], 5, ratios.Min() + 0.01);
        Assert.InRange(p.DependencyLatencyMultiplier[1], ratios.Max() - 0.01, 12);
    }

    [Fact]
    public void GroundTruth_CallDelaysAreWholeMinutes()
    {
        var json = File.ReadAllText(Path.Combine(data.Root, "ground_truth.json"));
        Assert.Matches("\"delay_minutes\": \\d+\\s", json);
        Assert.DoesNotMatch("\"delay_minutes\": \\d+\\.", json);
        var ends = data.Rows(T.TxnFacts).ToDictionary(r => r[0], r => TestCsv.Time(r[5]));
        var calls = data.Rows(T.TsoCalls).ToDictionary(r => r[0], r => TestCsv.Time(r[1]));
        foreach (var d in data.Truth.TsoNoise.CallDetails)
        {
            Assert.Equal((long)Math.Floor((calls[d.CallId] - ends[d.TrueTransactionId]).TotalMinutes), d.DelayMinutes);
            Assert.InRange(d.DelayMinutes, 5, 120);
        }
    }
}
