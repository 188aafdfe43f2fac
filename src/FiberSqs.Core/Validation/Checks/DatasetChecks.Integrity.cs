using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation.Collectors;

namespace FiberSqs.Core.Validation;

// Referential integrity, measured on the files: transactions, spans and their parents, txn_facts, TSO ids, hosts.
internal sealed partial class DatasetChecks
{
    private IEnumerable<ValidationCheck> Integrity()
    {
        var logs = Has(TableCatalog.AppLogs) ? (AppLogCollector?)Table(TableCatalog.AppLogs).Collector : null;
        var spans = Has(TableCatalog.TraceSpans) ? (TraceSpanCollector?)Table(TableCatalog.TraceSpans).Collector : null;

        // Key arrays are built two at a time (one per core) and freed as soon as their figures are counted: the
        // transactions' keys while the traces' are sorted, then the spans' and txn_facts' transaction keys together.
        var (spanParents, receivedKeys) = Both(() => SpanParents(spans),
            () => logs is null ? null : NativeKeys.From(logs.Received, withValues: true));
        using var received = receivedKeys;
        yield return AppLogTransactions(logs, received);
        var (spanTxKeys, factKeys) = Both(
            () => received is null || spans is null ? null : NativeKeys.From(spans.TransactionIds),
            () => received is null || !Has(TableCatalog.TxnFacts) ? null
                : NativeKeys.From(((TxnFactCollector)Table(TableCatalog.TxnFacts).Collector!).Facts, withValues: true));
        using (var spanTx = spanTxKeys)
        using (var facts = factKeys)
        {
            yield return SpanTransactions(received, spans, spanTx);
            spanTx?.Dispose(); // counted: its memory goes back before the next checks
            yield return spanParents;
            yield return TxnFactsAgree(received, facts);
        }

        yield return TsoClassification(received, out var tsoCounts);
        yield return TsoDefectBands(tsoCounts);
        yield return HostsJoin();
    }

    private (TA A, TB B) Both<TA, TB>(Func<TA> a, Func<TB> b) => TwoAtOnce.Run(a, b, cancel);

    private ValidationCheck AppLogTransactions(AppLogCollector? logs, NativeKeys? received)
    {
        const string threshold = "every transaction id in app_logs has one received row and one completed or timeout row " +
            "carrying end_to_end_latency_ms; every dependency_call carries its latency and circuit";
        if (logs is null || received is null)
        {
            return NotEvaluated(CheckNames.AppLogTransactions, threshold, MissingTables(TableCatalog.AppLogs));
        }

        long orphans, withoutFinal, duplicateFinals, firstOrphan, firstWithoutFinal;
        var g = logs.Groups;
        g.Complete();
        if (g.NotReceivedOnce == 0 && received.Repeats == 0)
        {
            // Each run of a transaction's rows has its received row, and no id is received twice: no transaction's
            // rows are apart, so the figures counted run by run are the file's.
            (orphans, firstOrphan) = (0, 0);
            (withoutFinal, duplicateFinals) = (g.WithoutFinal, g.DuplicateFinals);
            firstWithoutFinal = g.WithoutFinal == 0 ? 0 : g.FirstWithoutFinal;
        }
        else if (ReadAgain<TransactionKeyCollector>(TableCatalog.AppLogs, out var why) is not { } keys)
        {
            return NotEvaluated(CheckNames.AppLogTransactions, threshold, why);
        }
        else
        {
            var (referenced, finals) = Both(() => NativeKeys.From(keys.ReferencedIds), () => NativeKeys.From(keys.FinalIds));
            using (referenced)
            using (finals)
            {
                orphans = SortedKeys.CountMissing(referenced.Keys, received.Keys, out firstOrphan);
                withoutFinal = SortedKeys.CountMissing(received.Keys, finals.Keys, out firstWithoutFinal);
                duplicateFinals = finals.Repeats;
            }
        }

        var figures = new FigureList()
            .Add("transactions", received.Count)
            .Add("duplicate_received", received.Repeats)
            .Add("ids_without_received", orphans)
            .Add("transactions_without_final", withoutFinal)
            .Add("duplicate_finals", duplicateFinals)
            .Add("finals_without_latency", logs.FinalsWithoutLatency)
            .Add("dependency_calls_without_latency", logs.DependencyCallsWithoutLatency)
            .Add("dependency_calls_without_circuit", logs.DependencyCallsWithoutCircuit);
        var problems = new List<string>();
        if (received.Count == 0)
        {
            problems.Add("no received rows");
        }

        Problem(problems, received.Repeats, "transactions with several received rows");
        Problem(problems, orphans, $"ids without a received row (first {FieldText.DescribeTransactionKey(firstOrphan)})");
        Problem(problems, withoutFinal, $"transactions without a completed/timeout row (first {FieldText.DescribeTransactionKey(firstWithoutFinal)})");
        Problem(problems, duplicateFinals, "transactions with several completed/timeout rows");
        Problem(problems, logs.FinalsWithoutLatency, "final rows without end_to_end_latency_ms");
        Problem(problems, logs.DependencyCallsWithoutLatency, "dependency calls without dependency_latency_ms");
        Problem(problems, logs.DependencyCallsWithoutCircuit, "dependency calls without circuit_id");
        return new ValidationCheck(CheckNames.AppLogTransactions, problems.Count == 0, figures, threshold,
            problems.Count == 0 ? $"{N(received.Count)} transactions, each received once and finished once" : string.Join("; ", problems));
    }

    private ValidationCheck SpanTransactions(NativeKeys? received, TraceSpanCollector? spans, NativeKeys? spanTx)
    {
        // At the hard difficulty the key declares partial sampling: the traced share must be that, within 3 points.
        var sampled = context.TraceSampling < 1;
        var threshold = sampled
            ? FormattableString.Invariant($"every span's transaction_id is a transaction of app_logs, and {context.TraceSampling * 100:0}% ± 3 points of the transactions have spans (generation.parameters.trace_sampling)")
            : "every span's transaction_id is a transaction of app_logs, and every transaction has spans";
        if (received is null || spans is null || spanTx is null)
        {
            return NotEvaluated(CheckNames.SpanTransactions, threshold, MissingTables(TableCatalog.AppLogs, TableCatalog.TraceSpans));
        }

        var missing = SortedKeys.CountMissing(spanTx.Keys, received.Keys, out var firstMissing);
        var withoutSpans = SortedKeys.CountMissing(received.Keys, spanTx.Keys, out var firstWithout);
        var figures = new FigureList()
            .Add("span_transactions", spanTx.Count)
            .Add("app_log_transactions", received.Count)
            .Add("span_transactions_not_in_app_logs", missing)
            .Add("transactions_without_spans", withoutSpans);
        var problems = new List<string>();
        Problem(problems, missing, $"span transaction ids not in app_logs (first {FieldText.DescribeTransactionKey(firstMissing)})");
        if (!sampled)
        {
            Problem(problems, withoutSpans, $"transactions without spans (first {FieldText.DescribeTransactionKey(firstWithout)})");
        }
        else if (received.Count > 0 && Math.Abs(spanTx.Count / (double)received.Count - context.TraceSampling) > 0.03)
        {
            problems.Add(FormattableString.Invariant($"{spanTx.Count * 100.0 / received.Count:0.0}% of the transactions have spans, where the key says {context.TraceSampling * 100:0}%"));
        }
        return new ValidationCheck(CheckNames.SpanTransactions, problems.Count == 0, figures, threshold,
            problems.Count == 0 ? $"the spans reference exactly the {N(received.Count)} transactions of app_logs" : string.Join("; ", problems));
    }

    private ValidationCheck SpanParents(TraceSpanCollector? s)
    {
        const string threshold = "span ids unique within their trace; every parent_span_id is a span of the same trace; " +
            "every trace has exactly one root span (empty parent)";
        if (s is null)
        {
            return NotEvaluated(CheckNames.SpanParents, threshold, MissingTables(TableCatalog.TraceSpans));
        }

        long duplicateSpans, missingParents, severalRoots, traces, withoutRoot;
        s.Groups.Complete();
        using (var traceKeys = NativeKeys.From(s.Traces))
        {
            traces = traceKeys.Count;
            // The trace keys list a trace once per chunk it is in: repeats beyond the joined groups mean a trace
            // whose rows are apart, which only the file-wide key sets count right.
            if (traceKeys.Repeats == s.Groups.Joins)
            {
                (duplicateSpans, missingParents, severalRoots, withoutRoot) =
                    (s.Groups.DuplicateSpans, s.Groups.MissingParents, s.Groups.SeveralRoots, s.Groups.WithoutRoot);
            }
            else if (ReadAgain<SpanKeyCollector>(TableCatalog.TraceSpans, out var why) is { } keys)
            {
                (duplicateSpans, missingParents, severalRoots, withoutRoot) = SpanParentsFileWide(keys, traceKeys);
            }
            else
            {
                return NotEvaluated(CheckNames.SpanParents, threshold, why);
            }
        }

        var figures = new FigureList()
            .Add("spans", s.SpanRows)
            .Add("duplicate_spans", duplicateSpans)
            .Add("child_spans", s.ChildSpans)
            .Add("missing_parents", missingParents)
            .Add("traces", traces)
            .Add("root_spans", s.RootSpans)
            .Add("traces_without_root", withoutRoot)
            .Add("traces_with_several_roots", severalRoots);
        var problems = new List<string>();
        Problem(problems, duplicateSpans, "repeated spans");
        Problem(problems, missingParents, "parent spans that are not in their trace");
        Problem(problems, withoutRoot, "traces without a root span");
        Problem(problems, severalRoots, "traces with several root spans");
        if (s.SpanRows == 0)
        {
            problems.Add("no spans");
        }

        return new ValidationCheck(CheckNames.SpanParents, problems.Count == 0, figures, threshold,
            problems.Count == 0 ? $"{N(s.SpanRows)} spans in {N(traces)} traces, every parent present" : string.Join("; ", problems));
    }

    /// <summary>The span_parents figures from the file-wide key sets, read again, for a file that scatters a trace's rows.</summary>
    private (long DuplicateSpans, long MissingParents, long SeveralRoots, long WithoutRoot) SpanParentsFileWide(
        SpanKeyCollector s, NativeKeys traceKeys)
    {
        long duplicateSpans, missingParents;
        var (spans, parents) = Both(() => NativeKeys.From(s.Spans), () => NativeKeys.From(s.ParentRefs));
        using (spans)
        using (parents)
        {
            duplicateSpans = spans.Repeats;
            missingParents = SortedKeys.CountMissing(parents.Keys, spans.Keys, out _);
        }

        cancel.ThrowIfCancellationRequested();
        using var roots = NativeKeys.From(s.RootTraces);
        return (duplicateSpans, missingParents, roots.Repeats, SortedKeys.CountMissing(traceKeys.Keys, roots.Keys, out _));
    }

    /// <summary>A table's file-wide key sets, read again (<see cref="FileWideKeys"/>); null, with why, when the file
    /// cannot be read again as it was scanned.</summary>
    private T? ReadAgain<T>(TableSchema table, out string why)
        where T : TableCollector, new()
    {
        try
        {
            why = "";
            return FileWideKeys.Read<T>(Table(table), context, chunkBytes, cancel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            why = e.Message;
            return null;
        }
    }

    private ValidationCheck TxnFactsAgree(NativeKeys? received, NativeKeys? facts)
    {
        const string threshold = "with Tier 2: txn_facts has one row per app_logs transaction, no other, with the same customer";
        if (!tables.ContainsKey(TableCatalog.TxnFacts))
        {
            return new ValidationCheck(CheckNames.TxnFactsAgree, true, [], threshold, "no Tier 2 tables: not checked", applicable: false);
        }

        if (received is null || facts is null)
        {
            return NotEvaluated(CheckNames.TxnFactsAgree, threshold, MissingTables(TableCatalog.AppLogs, TableCatalog.TxnFacts));
        }

        var missing = SortedKeys.CountMissing(received.Keys, facts.Keys, out var firstMissing);
        var extra = SortedKeys.CountMissing(facts.Keys, received.Keys, out var firstExtra);
        long customerMismatches = 0;
        var a = received.Keys;
        var b = facts.Keys;
        for (int i = 0, j = 0; i < a.Length && j < b.Length;)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (a[i] > b[j])
            {
                j++;
            }
            else
            {
                customerMismatches += received.Values[i] != facts.Values[j] ? 1 : 0;
                i++;
                j++;
            }
        }

        var figures = new FigureList()
            .Add("txn_facts_rows", facts.Total)
            .Add("app_log_transactions", received.Count)
            .Add("duplicate_rows", facts.Repeats)
            .Add("missing_from_txn_facts", missing)
            .Add("not_in_app_logs", extra)
            .Add("customer_mismatches", customerMismatches);
        var problems = new List<string>();
        Problem(problems, facts.Repeats, "repeated transaction ids in txn_facts");
        Problem(problems, missing, $"app_logs transactions missing from txn_facts (first {FieldText.DescribeTransactionKey(firstMissing)})");
        Problem(problems, extra, $"txn_facts ids not in app_logs (first {FieldText.DescribeTransactionKey(firstExtra)})");
        Problem(problems, customerMismatches, "transactions whose customer differs");
        return new ValidationCheck(CheckNames.TxnFactsAgree, problems.Count == 0, figures, threshold,
            problems.Count == 0 ? $"txn_facts and app_logs agree on {N(received.Count)} transactions" : string.Join("; ", problems));
    }

    private ValidationCheck HostsJoin()
    {
        const string threshold = "every app_logs host is a host of infra_host_metrics (one inventory)";
        if (!Has(TableCatalog.AppLogs) || !Has(TableCatalog.InfraHostMetrics))
        {
            return NotEvaluated(CheckNames.HostsJoin, threshold, MissingTables(TableCatalog.AppLogs, TableCatalog.InfraHostMetrics));
        }

        var logHosts = ((AppLogCollector)Table(TableCatalog.AppLogs).Collector!).Hosts.Names.ToHashSet(StringComparer.Ordinal);
        var infraHosts = ((HostMetricCollector)Table(TableCatalog.InfraHostMetrics).Collector!).Hosts.Names.ToHashSet(StringComparer.Ordinal);
        var unmatched = logHosts.Where(h => !infraHosts.Contains(h)).Order(StringComparer.Ordinal).ToList();
        var figures = new FigureList()
            .Add("app_log_hosts", logHosts.Count)
            .Add("infra_hosts", infraHosts.Count)
            .Add("unmatched_hosts", unmatched.Count)
            .Add("first_unmatched", unmatched.FirstOrDefault());
        var passed = unmatched.Count == 0 && logHosts.Count > 0;
        return new ValidationCheck(CheckNames.HostsJoin, passed, figures, threshold,
            passed ? $"all {logHosts.Count} app-log hosts have infra metrics"
            : logHosts.Count == 0 ? "app_logs names no host"
            : $"{unmatched.Count} app-log hosts have no infra metrics (first {unmatched[0]})");
    }

    private static void Problem(List<string> problems, long count, string what)
    {
        if (count > 0)
        {
            problems.Add($"{N(count)} {what}");
        }
    }
}
