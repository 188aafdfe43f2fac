using System.Globalization;
using FiberSqs.Core.Model;
using FiberSqs.Core.Tests.Generation;
using FiberSqs.Core.Validation;
using T = FiberSqs.Core.Tables.TableCatalog;

namespace FiberSqs.Core.Tests.Validation;

/// <summary>Each kind of damage to a good dataset makes exactly the checks that should notice it fail.</summary>
public sealed class DamagedDatasetTests(ValidDataset data) : IClassFixture<ValidDataset>
{
    private static string[] F(string line) => ReportAssert.Fields(line);

    /// <summary>The index of the first line (after the header) whose fields match.</summary>
    private static int Find(List<string> lines, Func<string[], bool> match)
    {
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Length > 0 && match(F(lines[i])))
            {
                return i;
            }
        }

        throw new InvalidOperationException("no matching line");
    }

    /// <summary>Moves the first line whose fields match to the end of the file (before its final empty line).</summary>
    private static void MoveToEnd(List<string> lines, Func<string[], bool> match)
    {
        var i = Find(lines, match);
        var moved = lines[i];
        lines.RemoveAt(i);
        lines.Insert(lines.Count - 1, moved);
    }

    /// <summary>Repeats the first line whose fields match right after itself.</summary>
    private static void RepeatAfterItself(List<string> lines, Func<string[], bool> match)
    {
        var i = Find(lines, match);
        lines.Insert(i + 1, lines[i]);
    }

    /// <summary>One check of the report on a copy of the dataset with one table edited.</summary>
    private ValidationCheck CheckAfter(FiberSqs.Core.Tables.TableSchema table, Action<List<string>> edit, string check)
    {
        using var copy = data.Copy();
        copy.Edit(table, edit);
        return ReportAssert.Check(copy.Validate(), check);
    }

    private static DateTime Ts(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture,
        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    [Fact]
    public void TheIntactDatasetPassesEveryCheck()
    {
        Assert.True(data.Report.Passed, string.Join("\n", data.Report.FailedChecks));
        var names = data.Report.Checks.Select(c => c.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Contains(CheckNames.Csv("txn_facts"), names);
        Assert.All(data.Report.Checks, c => Assert.False(string.IsNullOrWhiteSpace(c.Threshold)));
        Assert.Equal(32, names.Count);
    }

    [Fact]
    public void RowsRemovedFailRowCounts()
    {
        using var copy = data.Copy();
        copy.Edit(T.NetworkEvents, lines => lines.RemoveRange(10, 5));
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.RowCounts);
        var counts = ReportAssert.Check(report, CheckNames.RowCounts);
        Assert.Equal((long)counts.Figure("network_events_expected")! - 5, counts.Figure("network_events"));
    }

    [Fact]
    public void RowsAppendedFailRowCounts()
    {
        using var copy = data.Copy();
        copy.Edit(T.InfraHostMetrics, lines => lines.InsertRange(lines.Count - 1, lines.Skip(lines.Count - 4).Take(3).ToList()));
        ReportAssert.FailsExactly(copy.Validate(), CheckNames.RowCounts);
    }

    [Fact]
    public void TxnFactsRowsAppendedFailRowCountsAndAgreement()
    {
        using var copy = data.Copy();
        copy.Edit(T.TxnFacts, lines => lines.Insert(lines.Count - 1, lines[1]));
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.RowCounts, CheckNames.TxnFactsAgree);
        Assert.Equal(1L, ReportAssert.Check(report, CheckNames.TxnFactsAgree).Figure("duplicate_rows"));
    }

    [Fact]
    public void AParentSpanGoneFailsSpanParents()
    {
        using var copy = data.Copy();
        copy.Edit(T.TraceSpans, lines => lines.RemoveAt(Find(lines, f => f[6] == "orchestrator")));
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.RowCounts, CheckNames.SpanParents);
        Assert.Equal(1L, ReportAssert.Check(report, CheckNames.SpanParents).Figure("missing_parents"));
    }

    [Fact]
    public void ASpanMovedAwayFromItsTraceIsStillItsTracesSpan()
    {
        // The trace's rows are no longer together: the trace-by-trace count would miss the parent and the root of
        // the part left at the end; the file-wide key sets find both, as they would in any order of the rows.
        var check = CheckAfter(T.TraceSpans, lines => MoveToEnd(lines, f => f[6] == "orchestrator"), CheckNames.SpanParents);
        Assert.True(check.Passed, check.Message);
        Assert.Equal(0L, check.Figure("missing_parents"));
        Assert.Equal(0L, check.Figure("traces_without_root"));
        Assert.Equal(ReportAssert.Check(data.Report, CheckNames.SpanParents).Figure("traces"), check.Figure("traces"));
    }

    [Fact]
    public void ARepeatedSpanAndASecondRootFailSpanParents()
    {
        // Counted trace by trace: a root row repeated right after itself is a repeated span and a second root.
        using var copy = data.Copy();
        copy.Edit(T.TraceSpans, lines => RepeatAfterItself(lines, f => f[3].Length == 0));
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.RowCounts, CheckNames.SpanParents);
        var check = ReportAssert.Check(report, CheckNames.SpanParents);
        Assert.Equal(1L, check.Figure("duplicate_spans"));
        Assert.Equal(1L, check.Figure("traces_with_several_roots"));
        Assert.Equal(0L, check.Figure("missing_parents"));
    }

    [Fact]
    public void ARootSpanGoneFailsSpanParents()
    {
        using var copy = data.Copy();
        copy.Edit(T.TraceSpans, lines => lines.RemoveAt(Find(lines, f => f[3].Length == 0)));
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.RowCounts, CheckNames.SpanParents);
        Assert.Equal(1L, ReportAssert.Check(report, CheckNames.SpanParents).Figure("traces_without_root"));
    }

    [Fact]
    public void ASpanOfAnUnknownTransactionFailsSpanTransactions()
    {
        using var copy = data.Copy();
        copy.Edit(T.TraceSpans, lines =>
        {
            // A whole trace (all its spans) moved to a transaction that app_logs does not have.
            var f = F(lines[Find(lines, x => x[3].Length == 0)]);
            for (var i = 1; i < lines.Count; i++)
            {
                if (lines[i].Contains(f[1], StringComparison.Ordinal))
                {
                    lines[i] = lines[i].Replace(f[4], "TX-20251201000000-9999999", StringComparison.Ordinal);
                }
            }
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.SpanTransactions);
        var check = ReportAssert.Check(report, CheckNames.SpanTransactions);
        Assert.Equal(1L, check.Figure("span_transactions_not_in_app_logs"));
        Assert.Equal(1L, check.Figure("transactions_without_spans"));
        Assert.Contains("TX-20251201000000-9999999", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACompletedRowRemovedFailsAppLogTransactions()
    {
        using var copy = data.Copy();
        copy.Edit(T.AppLogs, lines => lines.RemoveAt(Find(lines, f => f[11] == "completed")));
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.RowCounts, CheckNames.AppLogTransactions);
        Assert.Equal(1L, ReportAssert.Check(report, CheckNames.AppLogTransactions).Figure("transactions_without_final"));
    }

    [Fact]
    public void ACompletedRowMovedAwayFromItsTransactionStillFinishesIt()
    {
        // The transaction's rows are no longer together: counted run by run, one run would lack its final row and
        // the other its received row; the file-wide key sets find the transaction received once and finished once.
        var check = CheckAfter(T.AppLogs, lines => MoveToEnd(lines, f => f[11] == "completed"), CheckNames.AppLogTransactions);
        Assert.True(check.Passed, check.Message);
        Assert.Equal(0L, check.Figure("transactions_without_final"));
        Assert.Equal(0L, check.Figure("ids_without_received"));
    }

    [Fact]
    public void ACompletedRowRepeatedIsADuplicateFinal()
    {
        var check = CheckAfter(T.AppLogs, lines => RepeatAfterItself(lines, f => f[11] == "completed"), CheckNames.AppLogTransactions);
        Assert.False(check.Passed);
        Assert.Equal(1L, check.Figure("duplicate_finals"));
        Assert.Equal(0L, check.Figure("transactions_without_final"));
    }

    [Fact]
    public void ATxnFactWithAnotherCustomerFailsTxnFactsAgree()
    {
        using var copy = data.Copy();
        copy.Edit(T.TxnFacts, lines =>
        {
            var f = F(lines[1]);
            f[1] = "CUST-99999999";
            lines[1] = string.Join(',', f);
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.TxnFactsAgree);
        Assert.Equal(1L, ReportAssert.Check(report, CheckNames.TxnFactsAgree).Figure("customer_mismatches"));
    }

    private TsoCallDetail CleanCall() => data.Truth.TsoNoise.CallDetails.First(d => d.NoiseType == TsoNoiseType.Clean);

    [Fact]
    public void ATsoIdRewrittenToAnotherCustomersTransactionFailsTsoClassification()
    {
        using var copy = data.Copy();
        var call = CleanCall();
        var callCustomer = TestCsv.Rows(copy.Csv(T.TsoCalls)).First(r => r[0] == call.CallId)[2];
        var other = TestCsv.Rows(copy.Csv(T.TxnFacts)).First(r => r[1] != callCustomer)[0];
        copy.Edit(T.TsoCalls, lines =>
        {
            var i = lines.FindIndex(l => l.StartsWith(call.CallId + ",", StringComparison.Ordinal));
            lines[i] = lines[i].Replace("," + call.EmittedTransactionId + ",", "," + other + ",", StringComparison.Ordinal);
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.TsoClassification);
        var check = ReportAssert.Check(report, CheckNames.TsoClassification);
        Assert.Equal(1L, check.Figure("class_mismatches"));
        Assert.Equal(data.Truth.TsoNoise.NoiseCounts[TsoNoiseType.WrongCustomer] + 1, check.Figure("wrong_customer"));
        Assert.Contains(call.CallId, (string)check.Figure("first_mismatch")!, StringComparison.Ordinal);
    }

    [Fact]
    public void ATsoIdRewrittenToANonexistentTransactionFailsTsoClassification()
    {
        using var copy = data.Copy();
        var call = CleanCall();
        copy.Edit(T.TsoCalls, lines =>
        {
            var i = lines.FindIndex(l => l.StartsWith(call.CallId + ",", StringComparison.Ordinal));
            lines[i] = lines[i].Replace(call.EmittedTransactionId, "TX-20251203120000-9999999", StringComparison.Ordinal);
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.TsoClassification);
        Assert.Equal(data.Truth.TsoNoise.NoiseCounts[TsoNoiseType.Fabricated] + 1,
            ReportAssert.Check(report, CheckNames.TsoClassification).Figure("fabricated"));
    }

    [Fact]
    public void AnAnswerKeyThatMislabelsACallFailsTsoClassification()
    {
        using var copy = data.Copy();
        copy.EditTruth(t => t.TsoNoise.CallDetails.First(d => d.NoiseType == TsoNoiseType.Clean).NoiseType = TsoNoiseType.Missing);
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.TsoClassification);
        Assert.Equal(false, ReportAssert.Check(report, CheckNames.TsoClassification).Figure("truth_counts_agree"));
    }

    [Fact]
    public void ATimestampOutsideTheWindowFailsTimestampsInWindow()
    {
        using var copy = data.Copy();
        copy.Edit(T.InfraHostMetrics, lines => lines[3] = lines[3].Replace("2025-12-01T00:00:00Z", "2025-11-30T23:55:00Z", StringComparison.Ordinal));
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.TimestampsInWindow);
        var check = ReportAssert.Check(report, CheckNames.TimestampsInWindow);
        Assert.Equal(1L, check.Figure("outside_window"));
        Assert.Equal("2025-11-30T23:55:00Z", check.Figure("earliest"));
        Assert.Contains("clickhouse-infra_host_metrics.csv line 4", (string)check.Figure("first_outside")!, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileFailsEveryCheckThatNeedsIt()
    {
        using var copy = data.Copy();
        File.Delete(copy.Csv(T.TraceSpans));
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.FilesPresent, CheckNames.Csv("trace_spans"), CheckNames.RowCounts,
            CheckNames.SpanTransactions, CheckNames.SpanParents, CheckNames.PrimaryCircuitAfterFix);
        Assert.Contains("clickhouse-trace_spans.csv", ReportAssert.Check(report, CheckNames.FilesPresent).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingReadmeFailsFilesPresent()
    {
        using var copy = data.Copy();
        File.Delete(Path.Combine(copy.Root, "README.md"));
        ReportAssert.FailsExactly(copy.Validate(), CheckNames.FilesPresent);
    }

    [Fact]
    public void ATruncatedFileFailsItsParseCheck()
    {
        using var copy = data.Copy();
        var path = DatasetCopy.Materialize(copy.Csv(T.InfraHostMetrics));
        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(stream.Length - 20); // cuts the last row after its cpu column
        }

        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.Csv("infra_host_metrics"));
        var check = ReportAssert.Check(report, CheckNames.Csv("infra_host_metrics"));
        Assert.Equal(false, check.Figure("ends_with_newline"));
        Assert.Equal(check.Figure("rows"), (long)check.Figure("first_problem_line")! - 1);
    }

    [Fact]
    public void AFileCutAtALineBreakFailsRowCounts()
    {
        using var copy = data.Copy();
        copy.Edit(T.NetworkCircuitMetrics, lines => lines.RemoveRange(lines.Count - 101, 100));
        ReportAssert.FailsExactly(copy.Validate(), CheckNames.RowCounts);
    }

    [Fact]
    public void ABadNumberFailsItsParseCheckWithItsLine()
    {
        using var copy = data.Copy();
        copy.Edit(T.NetworkCircuitMetrics, lines =>
        {
            var f = F(lines[7]);
            f[4] = "18.1x";
            lines[7] = string.Join(',', f);
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.Csv("network_circuit_metrics"));
        var check = ReportAssert.Check(report, CheckNames.Csv("network_circuit_metrics"));
        Assert.Equal(1L, check.Figure("bad_numbers"));
        Assert.Equal(8L, check.Figure("first_problem_line"));
        Assert.Contains("rtt_ms", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadTimestampFailsItsParseCheck()
    {
        using var copy = data.Copy();
        copy.Edit(T.TraceSpans, lines =>
        {
            var f = F(lines[3]);
            f[0] = f[0].Replace('T', ' ');
            lines[3] = string.Join(',', f);
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.Csv("trace_spans"));
        Assert.Equal(1L, ReportAssert.Check(report, CheckNames.Csv("trace_spans")).Figure("bad_timestamps"));
    }

    [Fact]
    public void ABadFlagFailsItsParseCheck()
    {
        using var copy = data.Copy();
        copy.Edit(T.TxnFacts, lines =>
        {
            var f = F(lines[2]);
            f[6] = "yes";
            lines[2] = string.Join(',', f);
        });
        ReportAssert.FailsExactly(copy.Validate(), CheckNames.Csv("txn_facts"));
    }

    [Fact]
    public void AnEmptyRequiredNumberFailsItsParseCheck()
    {
        using var copy = data.Copy();
        copy.Edit(T.InfraHostMetrics, lines =>
        {
            var f = F(lines[2]);
            f[3] = "";
            lines[2] = string.Join(',', f);
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.Csv("infra_host_metrics"));
        Assert.Equal(1L, ReportAssert.Check(report, CheckNames.Csv("infra_host_metrics")).Figure("empty_required_fields"));
    }

    [Fact]
    public void AShortRowFailsItsParseCheck()
    {
        using var copy = data.Copy();
        copy.Edit(T.InfraHostMetrics, lines => lines[4] = lines[4][..lines[4].LastIndexOf(',')]);
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.Csv("infra_host_metrics"));
        var check = ReportAssert.Check(report, CheckNames.Csv("infra_host_metrics"));
        Assert.Equal(1L, check.Figure("wrong_field_count_rows"));
        Assert.Equal(5L, check.Figure("first_problem_line"));
    }

    [Fact]
    public void AWrongHeaderFailsItsParseCheck()
    {
        using var copy = data.Copy();
        copy.Edit(T.TsoCalls, lines => lines[0] = lines[0].Replace("escalated", "escalation", StringComparison.Ordinal));
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.Csv("tso_calls"));
        var check = ReportAssert.Check(report, CheckNames.Csv("tso_calls"));
        Assert.Equal(false, check.Figure("header_ok"));
        Assert.Contains("escalation", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStrayQuoteFailsItsParseCheck()
    {
        using var copy = data.Copy();
        copy.Edit(T.NetworkEvents, lines => lines[2] = lines[2].Replace(",warning,", ",war\"ning,", StringComparison.Ordinal)
            .Replace(",info,", ",in\"fo,", StringComparison.Ordinal).Replace(",critical,", ",cri\"tical,", StringComparison.Ordinal));
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.Csv("network_events"));
        Assert.Equal(1L, ReportAssert.Check(report, CheckNames.Csv("network_events")).Figure("malformed_quoting"));
    }

    [Fact]
    public void AnAppLogHostWithoutInfraMetricsFailsHostsJoin()
    {
        using var copy = data.Copy();
        copy.Edit(T.AppLogs, lines => lines[5] = System.Text.RegularExpressions.Regex.Replace(lines[5], @"-host\d\d,", "-host99,"));
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.HostsJoin);
        Assert.EndsWith("-host99", (string)ReportAssert.Check(report, CheckNames.HostsJoin).Figure("first_unmatched")!, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAnswerKeyWithOtherRowCountsFailsRowCounts()
    {
        using var copy = data.Copy();
        copy.EditTruth(t => t.Generation.RowCounts["tso_calls"] += 1);
        ReportAssert.FailsExactly(copy.Validate(), CheckNames.RowCounts);
    }

    [Fact]
    public void AppLogRowsFarFromTheTargetFailTheTargetCheck()
    {
        using var copy = data.Copy();
        copy.EditTruth(t => t.Generation.Parameters.AppLogRowsTarget = 50_000);
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.AppLogRowTarget);
        Assert.True((double)ReportAssert.Check(report, CheckNames.AppLogRowTarget).Figure("deviation_pct")! < -2);
    }

    [Fact]
    public void BurstsThatAreNotInTheDataFailTheIncidentChecks()
    {
        using var copy = data.Copy();
        copy.EditTruth(t =>
        {
            foreach (var b in t.PrimaryIncident.Bursts)
            {
                b.Start = Iso(Ts(b.Start).AddMinutes(10));
                b.End = Iso(Ts(b.End).AddMinutes(10));
            }
        });
        ReportAssert.FailsExactly(copy.Validate(), CheckNames.IncidentImpactedTransactions, CheckNames.IncidentPrimaryCircuit);
    }

    private static string Iso(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string IsoMicros(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private bool InBurstMinute(string timestamp)
    {
        var t = Ts(timestamp);
        return data.Truth.PrimaryIncident.Bursts.Any(b => Ts(b.Start) < t.AddMinutes(1) && t < Ts(b.End));
    }

    [Fact]
    public void AnotherCircuitElevatedInBurstsFailsIncidentOtherCircuits()
    {
        using var copy = data.Copy();
        copy.Edit(T.NetworkCircuitMetrics, lines =>
        {
            var other = F(lines[Find(lines, f => f[3] != Scenario.PrimaryCircuitId)])[3];
            for (var i = 1; i < lines.Count; i++)
            {
                var f = F(lines[i]);
                if (f.Length > 4 && f[3] == other && InBurstMinute(f[0]))
                {
                    f[4] = (double.Parse(f[4], CultureInfo.InvariantCulture) * 5).ToString("0.000", CultureInfo.InvariantCulture);
                    lines[i] = string.Join(',', f);
                }
            }
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.IncidentOtherCircuits);
        Assert.Equal(1L, ReportAssert.Check(report, CheckNames.IncidentOtherCircuits).Figure("elevated_circuits"));
    }

    [Fact]
    public void ThePrimaryCircuitElevatedDuringTheCpuSpikeFailsSeparability()
    {
        using var copy = data.Copy();
        copy.Edit(T.NetworkCircuitMetrics, lines =>
        {
            for (var i = 1; i < lines.Count; i++)
            {
                var f = F(lines[i]);
                if (f.Length > 4 && f[3] == Scenario.PrimaryCircuitId && Ts(f[0]) >= Scenario.CpuSpikeStart && Ts(f[0]) < Scenario.CpuSpikeEnd)
                {
                    f[4] = (double.Parse(f[4], CultureInfo.InvariantCulture) * 10).ToString("0.000", CultureInfo.InvariantCulture);
                    lines[i] = string.Join(',', f);
                }
            }
        });
        ReportAssert.FailsExactly(copy.Validate(), CheckNames.ConfounderPrimaryCircuitDuringCpuSpike);
    }

    [Fact]
    public void ACpuSpikeOnEastHostsFailsConfinement()
    {
        using var copy = data.Copy();
        copy.Edit(T.InfraHostMetrics, lines =>
        {
            for (var i = 1; i < lines.Count; i++)
            {
                var f = F(lines[i]);
                if (f.Length > 3 && f[1] == "east" && Ts(f[0]) >= Scenario.CpuSpikeStart && Ts(f[0]) < Scenario.CpuSpikeEnd)
                {
                    f[3] = "95.00";
                    lines[i] = string.Join(',', f);
                }
            }
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.ConfounderCpuSpikeCentralOnly);
        Assert.True((double)ReportAssert.Check(report, CheckNames.ConfounderCpuSpikeCentralOnly).Figure("east_cpu_ratio")! > 1.2);
    }

    [Fact]
    public void NetworkErrorsOnNorthHostsInTheBlipFailConfinement()
    {
        using var copy = data.Copy();
        copy.Edit(T.InfraHostMetrics, lines =>
        {
            for (var i = 1; i < lines.Count; i++)
            {
                var f = F(lines[i]);
                if (f.Length > 6 && f[1] == "north" && Ts(f[0]) >= Scenario.BlipStart && Ts(f[0]) < Scenario.BlipEnd)
                {
                    f[6] = "0.300";
                    lines[i] = string.Join(',', f);
                }
            }
        });
        ReportAssert.FailsExactly(copy.Validate(), CheckNames.ConfounderBlipWestOnly);
    }

    [Fact]
    public void AConfounderInsideTheIncidentFailsConfounderWindows()
    {
        using var copy = data.Copy();
        copy.EditTruth(t =>
        {
            var blip = t.Confounders.Single(c => c.Name == "west_deployment_blip");
            blip.Start = "2025-12-04T17:00:00Z";
            blip.End = "2025-12-04T18:00:00Z";
        });
        var report = copy.Validate();
        // The moved window no longer holds the west errors either.
        ReportAssert.FailsExactly(report, CheckNames.ConfounderWindows, CheckNames.ConfounderBlipWestOnly);
        Assert.Contains("west_deployment_blip", ReportAssert.Check(report, CheckNames.ConfounderWindows).Message, StringComparison.Ordinal);
    }

    /// <summary>The lines of the first transaction whose rows match, with their indexes.</summary>
    private static List<int> TransactionLines(List<string> lines, Func<List<string[]>, bool> match)
    {
        for (var i = 1; i < lines.Count;)
        {
            var id = F(lines[i]).ElementAtOrDefault(6);
            var j = i;
            while (j < lines.Count && lines[j].Length > 0 && F(lines[j])[6] == id)
            {
                j++;
            }

            var indexes = Enumerable.Range(i, j - i).ToList();
            if (indexes.Count > 0 && match(indexes.Select(k => F(lines[k])).ToList()))
            {
                return indexes;
            }

            i = Math.Max(j, i + 1);
        }

        throw new InvalidOperationException("no matching transaction");
    }

    private static string Set(string line, int field, string value)
    {
        var f = F(line);
        f[field] = value;
        return string.Join(',', f);
    }

    [Fact]
    public void ACompletionLoggedBeforeItsReceiptFailsRowOrder()
    {
        using var copy = data.Copy();
        copy.Edit(T.AppLogs, lines =>
        {
            var tx = TransactionLines(lines, rows => rows.Count > 4);
            var received = F(lines[tx[0]])[0];
            var final = tx.First(i => F(lines[i])[11] == "completed");
            lines[final] = Set(lines[final], 0, IsoMicros(Ts(received).AddMilliseconds(-20)));
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.AppLogRowOrder);
        Assert.True((long)ReportAssert.Check(report, CheckNames.AppLogRowOrder).Figure("out_of_order")! >= 1);
    }

    [Fact]
    public void ACircuitMissingFromOneRowOfACrossRegionTransactionFailsDependencyFields()
    {
        using var copy = data.Copy();
        copy.Edit(T.AppLogs, lines =>
        {
            var tx = TransactionLines(lines, rows => rows[0][18].Length > 0);
            lines[tx[1]] = Set(lines[tx[1]], 18, "");
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.AppLogDependencyFields);
        Assert.Equal(2L, ReportAssert.Check(report, CheckNames.AppLogDependencyFields).Figure("mismatches")); // the row differs from both neighbours
    }

    [Fact]
    public void AnOrchestrationTimeoutAfter27MillisecondsFailsTimeoutDurations()
    {
        using var copy = data.Copy();
        copy.Edit(T.AppLogs, lines =>
        {
            var i = Find(lines, f => f[17] == "ORCH_TIMEOUT");
            lines[i] = Set(lines[i], 15, "27.000");
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.TimeoutDurations);
        var check = ReportAssert.Check(report, CheckNames.TimeoutDurations);
        Assert.Equal(1L, check.Figure("timeouts_shorter_than_their_timeout"));
        Assert.Equal(27.0, check.Figure("shortest_orch_timeout_ms"));
    }

    [Fact]
    public void ACompletedLocalTransactionPastTheOrchestrationTimeoutFailsTimeoutDurations()
    {
        using var copy = data.Copy();
        copy.Edit(T.AppLogs, lines =>
        {
            var i = Find(lines, f => f[11] == "completed" && f[18].Length == 0);
            lines[i] = Set(lines[i], 15, "4500.000");
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.TimeoutDurations);
        Assert.Equal(1L, ReportAssert.Check(report, CheckNames.TimeoutDurations).Figure("completed_at_or_over_timeout"));
    }

    [Fact]
    public void ATransactionOnThePrimaryCircuitAfterTheFixFailsTheRerouteCheck()
    {
        using var copy = data.Copy();
        var fix = Ts(data.Truth.PrimaryIncident.FixTime);
        copy.Edit(T.AppLogs, lines =>
        {
            var tx = TransactionLines(lines, rows => rows[0][18] == data.Truth.PrimaryIncident.RerouteCircuitId && Ts(rows[0][0]) > fix);
            foreach (var i in tx)
            {
                lines[i] = Set(lines[i], 18, Scenario.PrimaryCircuitId);
            }
        });
        var report = copy.Validate();
        ReportAssert.FailsExactly(report, CheckNames.PrimaryCircuitAfterFix);
        var check = ReportAssert.Check(report, CheckNames.PrimaryCircuitAfterFix);
        Assert.True((long)check.Figure("app_log_rows_on_primary_after_fix")! >= 5);
        Assert.Equal((long)check.Figure("slice_transactions_after_fix")! - 1, check.Figure("slice_transactions_after_fix_rerouted"));
    }

    [Fact]
    public void TheOriginalsReportSectionsSitBesideTheChecks()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(data.Report.ToJson());
        var root = doc.RootElement;
        Assert.Equal(["passed", "checks_passed", "checks_failed", "checks", "referential_integrity", "incident_coherence",
            "confounder_separability", "alert_quality"], root.EnumerateObject().Select(p => p.Name));
        var integrity = root.GetProperty("referential_integrity");
        var clean = data.Truth.TsoNoise.NoiseCounts[TsoNoiseType.Clean];
        var nonEmpty = data.Truth.TsoNoise.TotalCalls - data.Truth.TsoNoise.NoiseCounts[TsoNoiseType.Missing];
        Assert.Equal(Math.Round(100.0 * clean / nonEmpty, 3), integrity.GetProperty("tso_match_pct").GetDouble());
        Assert.Equal(100, integrity.GetProperty("trace_match_pct").GetDouble());
        var coherence = root.GetProperty("incident_coherence");
        var impacted = ReportAssert.Check(data.Report, CheckNames.IncidentImpactedTransactions);
        Assert.Equal(Math.Round((double)impacted.Figure("dependency_latency_ratio")!, 2), coherence.GetProperty("dependency_latency_multiplier").GetDouble());
        Assert.True(coherence.GetProperty("network_rtt_multiplier").GetDouble() >= 4);
        var separability = root.GetProperty("confounder_separability");
        Assert.InRange(separability.GetProperty("cpu_peak_pct").GetDouble(), 75, 97);
        Assert.InRange(separability.GetProperty("network_peak_during_cpu").GetDouble(), 0.9, 1.2);
        var alerts = root.GetProperty("alert_quality");
        Assert.Equal(1, alerts.GetProperty("tp").GetInt64()); // the critical packet_loss_burst at the incident start
        Assert.Equal(data.Truth.PrimaryIncident.Bursts.Count - 1, alerts.GetProperty("fn").GetInt64());
    }

    [Fact]
    public void SmallChunksGiveTheSameReportAndAbsoluteLineNumbers()
    {
        var small = DatasetValidator.Validate(data.Root, 64 * 1024, null, default);
        Assert.Equal(Figures(data.Report), Figures(small));

        using var copy = data.Copy();
        copy.Edit(T.NetworkCircuitMetrics, lines =>
        {
            var f = F(lines[150_001]);
            f[5] = "-";
            lines[150_001] = string.Join(',', f);
        });
        var report = DatasetValidator.Validate(copy.Root, 64 * 1024, null, default);
        ReportAssert.FailsExactly(report, CheckNames.Csv("network_circuit_metrics"));
        Assert.Equal(150_002L, ReportAssert.Check(report, CheckNames.Csv("network_circuit_metrics")).Figure("first_problem_line"));
    }

    private static string Figures(ValidationReport r) =>
        string.Join("\n", r.Checks.Select(c => $"{c.Name} {c.Passed} {c.FiguresText} | {c.Message}"));
}
