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
        TransactionIndex? index = null;
        long[]? referenced = null, finals = null;
        long[]? spanTx = null;
        TraceSpanCollector? spans = Has(TableCatalog.TraceSpans) ? (TraceSpanCollector?)Table(TableCatalog.TraceSpans).Collector : null;
        SpanKeys? spanKeys = null;

        // Sort every key array at once, one per core.
        var work = new List<Action>();
        if (logs is not null)
        {
            work.Add(() => index = new TransactionIndex(logs.ReceivedIds.ToArray(), logs.ReceivedCustomers.ToArray()));
            work.Add(() => referenced = SortedDistinct(logs.ReferencedIds, out _));
            work.Add(() => finals = Sorted(logs.FinalIds));
        }

        if (spans is not null)
        {
            work.Add(() => spanTx = SortedDistinct(spans.TransactionIds, out _));
            work.Add(() => spanKeys = new SpanKeys(spans));
        }

        Parallel.Invoke(new ParallelOptions { CancellationToken = cancel }, [.. work]);

        yield return AppLogTransactions(logs, index, referenced, finals);
        yield return SpanTransactions(index, spanTx);
        yield return SpanParents(spanKeys);
        yield return TxnFactsAgree(index);
        yield return TsoClassification(index, out var tsoCounts);
        yield return TsoDefectBands(tsoCounts);
        yield return HostsJoin();
    }

    private static long[] Sorted(LongBag bag)
    {
        var a = bag.ToArray();
        Array.Sort(a);
        return a;
    }

    private static long[] SortedDistinct(LongBag bag, out long repeats)
    {
        var a = bag.ToArray();
        var n = SortedKeys.SortUnique(a, out repeats);
        return n == a.Length ? a : a[..n];
    }

    /// <summary>The span and parent keys of trace_spans, sorted.</summary>
    private sealed class SpanKeys
    {
        public SpanKeys(TraceSpanCollector c)
        {
            SpanCount = c.Spans.Count;
            ChildSpans = c.ParentRefs.Count;
            RootSpans = c.RootTraces.Count;
            Spans = SortedDistinct(c.Spans, out var dup);
            DuplicateSpans = dup;
            Parents = SortedDistinct(c.ParentRefs, out _);
            Roots = SortedDistinct(c.RootTraces, out var severalRoots);
            TracesWithSeveralRoots = severalRoots;
            Traces = SortedDistinct(c.Traces, out _);
        }

        public long SpanCount { get; }
        public long ChildSpans { get; }
        public long RootSpans { get; }
        public long[] Spans { get; }
        public long DuplicateSpans { get; }
        public long[] Parents { get; }
        public long[] Roots { get; }
        public long TracesWithSeveralRoots { get; }
        public long[] Traces { get; }
    }

    private ValidationCheck AppLogTransactions(AppLogCollector? logs, TransactionIndex? index, long[]? referenced, long[]? finals)
    {
        const string threshold = "every transaction id in app_logs has one received row and one completed or timeout row " +
            "carrying end_to_end_latency_ms; every dependency_call carries its latency and circuit";
        if (logs is null || index is null || referenced is null || finals is null)
        {
            return NotEvaluated(CheckNames.AppLogTransactions, threshold, MissingTables(TableCatalog.AppLogs));
        }

        var orphans = SortedKeys.CountMissing(referenced, index.Span, out var firstOrphan);
        var finalCount = SortedKeys.Unique(finals, finals.Length, out var duplicateFinals);
        var withoutFinal = SortedKeys.CountMissing(index.Span, finals.AsSpan(0, finalCount), out var firstWithoutFinal);
        var figures = new FigureList()
            .Add("transactions", index.Count)
            .Add("duplicate_received", index.Duplicates)
            .Add("ids_without_received", orphans)
            .Add("transactions_without_final", withoutFinal)
            .Add("duplicate_finals", duplicateFinals)
            .Add("finals_without_latency", logs.FinalsWithoutLatency)
            .Add("dependency_calls_without_latency", logs.DependencyCallsWithoutLatency)
            .Add("dependency_calls_without_circuit", logs.DependencyCallsWithoutCircuit);
        var problems = new List<string>();
        if (index.Count == 0)
        {
            problems.Add("no received rows");
        }

        Problem(problems, index.Duplicates, "transactions with several received rows");
        Problem(problems, orphans, $"ids without a received row (first {FieldText.DescribeTransactionKey(firstOrphan)})");
        Problem(problems, withoutFinal, $"transactions without a completed/timeout row (first {FieldText.DescribeTransactionKey(firstWithoutFinal)})");
        Problem(problems, duplicateFinals, "transactions with several completed/timeout rows");
        Problem(problems, logs.FinalsWithoutLatency, "final rows without end_to_end_latency_ms");
        Problem(problems, logs.DependencyCallsWithoutLatency, "dependency calls without dependency_latency_ms");
        Problem(problems, logs.DependencyCallsWithoutCircuit, "dependency calls without circuit_id");
        return new ValidationCheck(CheckNames.AppLogTransactions, problems.Count == 0, figures, threshold,
            problems.Count == 0 ? $"{N(index.Count)} transactions, each received once and finished once" : string.Join("; ", problems));
    }

    private ValidationCheck SpanTransactions(TransactionIndex? index, long[]? spanTx)
    {
        const string threshold = "every span's transaction_id is a transaction of app_logs, and every transaction has spans";
        if (index is null || spanTx is null)
        {
            return NotEvaluated(CheckNames.SpanTransactions, threshold, MissingTables(TableCatalog.AppLogs, TableCatalog.TraceSpans));
        }

        var missing = SortedKeys.CountMissing(spanTx, index.Span, out var firstMissing);
        var withoutSpans = SortedKeys.CountMissing(index.Span, spanTx, out var firstWithout);
        var figures = new FigureList()
            .Add("span_transactions", spanTx.Length)
            .Add("app_log_transactions", index.Count)
            .Add("span_transactions_not_in_app_logs", missing)
            .Add("transactions_without_spans", withoutSpans);
        var problems = new List<string>();
        Problem(problems, missing, $"span transaction ids not in app_logs (first {FieldText.DescribeTransactionKey(firstMissing)})");
        Problem(problems, withoutSpans, $"transactions without spans (first {FieldText.DescribeTransactionKey(firstWithout)})");
        return new ValidationCheck(CheckNames.SpanTransactions, problems.Count == 0, figures, threshold,
            problems.Count == 0 ? $"the spans reference exactly the {N(index.Count)} transactions of app_logs" : string.Join("; ", problems));
    }

    private ValidationCheck SpanParents(SpanKeys? s)
    {
        const string threshold = "span ids unique within their trace; every parent_span_id is a span of the same trace; " +
            "every trace has exactly one root span (empty parent)";
        if (s is null)
        {
            return NotEvaluated(CheckNames.SpanParents, threshold, MissingTables(TableCatalog.TraceSpans));
        }

        var missingParents = SortedKeys.CountMissing(s.Parents, s.Spans, out _);
        var withoutRoot = SortedKeys.CountMissing(s.Traces, s.Roots, out _);
        var figures = new FigureList()
            .Add("spans", s.SpanCount)
            .Add("duplicate_spans", s.DuplicateSpans)
            .Add("child_spans", s.ChildSpans)
            .Add("missing_parents", missingParents)
            .Add("traces", s.Traces.Length)
            .Add("root_spans", s.RootSpans)
            .Add("traces_without_root", withoutRoot)
            .Add("traces_with_several_roots", s.TracesWithSeveralRoots);
        var problems = new List<string>();
        Problem(problems, s.DuplicateSpans, "repeated spans");
        Problem(problems, missingParents, "parent spans that are not in their trace");
        Problem(problems, withoutRoot, "traces without a root span");
        Problem(problems, s.TracesWithSeveralRoots, "traces with several root spans");
        if (s.SpanCount == 0)
        {
            problems.Add("no spans");
        }

        return new ValidationCheck(CheckNames.SpanParents, problems.Count == 0, figures, threshold,
            problems.Count == 0 ? $"{N(s.SpanCount)} spans in {N(s.Traces.Length)} traces, every parent present" : string.Join("; ", problems));
    }

    private ValidationCheck TxnFactsAgree(TransactionIndex? index)
    {
        const string threshold = "with Tier 2: txn_facts has one row per app_logs transaction, no other, with the same customer";
        if (!tables.ContainsKey(TableCatalog.TxnFacts))
        {
            return new ValidationCheck(CheckNames.TxnFactsAgree, true, [], threshold, "no Tier 2 tables: not checked", applicable: false);
        }

        if (index is null || !Has(TableCatalog.TxnFacts))
        {
            return NotEvaluated(CheckNames.TxnFactsAgree, threshold, MissingTables(TableCatalog.AppLogs, TableCatalog.TxnFacts));
        }

        var facts = (TxnFactCollector)Table(TableCatalog.TxnFacts).Collector!;
        var rows = facts.Ids.Count;
        var fact = new TransactionIndex(facts.Ids.ToArray(), facts.Customers.ToArray());
        var missing = SortedKeys.CountMissing(index.Span, fact.Span, out var firstMissing);
        var extra = SortedKeys.CountMissing(fact.Span, index.Span, out var firstExtra);
        long customerMismatches = 0;
        for (int i = 0, j = 0; i < index.Count && j < fact.Count;)
        {
            if (index.Ids[i] < fact.Ids[j])
            {
                i++;
            }
            else if (index.Ids[i] > fact.Ids[j])
            {
                j++;
            }
            else
            {
                customerMismatches += index.Customers[i] != fact.Customers[j] ? 1 : 0;
                i++;
                j++;
            }
        }

        var figures = new FigureList()
            .Add("txn_facts_rows", rows)
            .Add("app_log_transactions", index.Count)
            .Add("duplicate_rows", fact.Duplicates)
            .Add("missing_from_txn_facts", missing)
            .Add("not_in_app_logs", extra)
            .Add("customer_mismatches", customerMismatches);
        var problems = new List<string>();
        Problem(problems, fact.Duplicates, "repeated transaction ids in txn_facts");
        Problem(problems, missing, $"app_logs transactions missing from txn_facts (first {FieldText.DescribeTransactionKey(firstMissing)})");
        Problem(problems, extra, $"txn_facts ids not in app_logs (first {FieldText.DescribeTransactionKey(firstExtra)})");
        Problem(problems, customerMismatches, "transactions whose customer differs");
        return new ValidationCheck(CheckNames.TxnFactsAgree, problems.Count == 0, figures, threshold,
            problems.Count == 0 ? $"txn_facts and app_logs agree on {N(index.Count)} transactions" : string.Join("; ", problems));
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
