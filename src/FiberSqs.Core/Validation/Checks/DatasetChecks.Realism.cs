using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation.Collectors;

namespace FiberSqs.Core.Validation;

// Telemetry that behaves like production (docs/data-contract.md, realism): each transaction's rows in order on its
// host's clock with one set of dependency fields, timeouts that last their timeout, a reroute that moves the traffic,
// red herrings that stay below the incident.
internal sealed partial class DatasetChecks
{
    private IEnumerable<ValidationCheck> Realism()
    {
        var logs = Has(TableCatalog.AppLogs) ? (AppLogCollector?)Table(TableCatalog.AppLogs).Collector : null;
        yield return RowOrder(logs);
        yield return DependencyFields(logs);
        yield return TimeoutDurations(logs);
        yield return PrimaryAfterFix(logs);
        yield return ConfounderImpact(logs);
    }

    private ValidationCheck RowOrder(AppLogCollector? logs)
    {
        const string threshold = "consecutive rows of a transaction never go back in time, and follow its life: received, queued, " +
            "orchestrated, attempts (dependency_call, worker_progress), completed or timeout, retry";
        if (logs is null)
        {
            return NotEvaluated(CheckNames.AppLogRowOrder, threshold, MissingTables(TableCatalog.AppLogs));
        }

        var o = logs.Order;
        var figures = new FigureList()
            .Add("row_pairs", o.Pairs)
            .Add("out_of_order", o.OutOfOrder)
            .Add("first_out_of_order", o.OutOfOrder == 0 ? null : FieldText.DescribeTransactionKey(o.FirstOutOfOrder));
        var passed = o.OutOfOrder == 0 && o.Pairs > 0;
        return new ValidationCheck(CheckNames.AppLogRowOrder, passed, figures, threshold,
            passed ? $"{N(o.Pairs)} consecutive row pairs of transactions, all in order"
            : o.Pairs == 0 ? "no transaction has two rows"
            : $"{N(o.OutOfOrder)} row pairs out of order (first in {FieldText.DescribeTransactionKey(o.FirstOutOfOrder)}): a row was moved or its timestamp changed");
    }

    private ValidationCheck DependencyFields(AppLogCollector? logs)
    {
        const string threshold = "every row of a transaction carries the same dependency_region, dependency_service and circuit_id " +
            "(all of them on a cross-region transaction, none on a local one)";
        if (logs is null)
        {
            return NotEvaluated(CheckNames.AppLogDependencyFields, threshold, MissingTables(TableCatalog.AppLogs));
        }

        var o = logs.Order;
        var figures = new FigureList()
            .Add("row_pairs", o.Pairs)
            .Add("mismatches", o.DependencyMismatches)
            .Add("first_mismatch", o.DependencyMismatches == 0 ? null : FieldText.DescribeTransactionKey(o.FirstDependencyMismatch));
        var passed = o.DependencyMismatches == 0;
        return new ValidationCheck(CheckNames.AppLogDependencyFields, passed, figures, threshold,
            passed ? "every transaction's rows agree on its dependency fields"
            : $"{N(o.DependencyMismatches)} rows differ from the previous row of their transaction (first in {FieldText.DescribeTransactionKey(o.FirstDependencyMismatch)})");
    }

    private ValidationCheck TimeoutDurations(AppLogCollector? logs)
    {
        var threshold = $"a DEP_TIMEOUT's last dependency call and the transaction last at least the dependency timeout " +
            $"({context.DependencyTimeoutMs:0} ms), an ORCH_TIMEOUT at least the orchestration timeout ({context.OrchestrationTimeoutMs:0} ms); " +
            "no completed transaction reaches the timeout that would have stopped it";
        if (logs is null)
        {
            return NotEvaluated(CheckNames.TimeoutDurations, threshold, MissingTables(TableCatalog.AppLogs));
        }

        if (!context.HasTimeouts)
        {
            return new ValidationCheck(CheckNames.TimeoutDurations, true, [], threshold,
                "ground_truth.json gives no timeouts (written before v3): not checked", applicable: false);
        }

        var t = logs.Timeouts;
        var figures = new FigureList()
            .Add("dependency_timeout_ms", context.DependencyTimeoutMs)
            .Add("orchestration_timeout_ms", context.OrchestrationTimeoutMs)
            .Add("dep_timeouts", t.DependencyTimeouts)
            .Add("orch_timeouts", t.OrchestrationTimeouts)
            .Add("shortest_dep_timeout_call_ms", t.DependencyTimeouts == 0 ? double.NaN : t.ShortestDependencyTimeoutMs)
            .Add("shortest_orch_timeout_ms", t.OrchestrationTimeouts == 0 ? double.NaN : t.ShortestOrchestrationTimeoutMs)
            .Add("timeouts_shorter_than_their_timeout", t.ShortTimeouts)
            .Add("completed_at_or_over_timeout", t.CompletedOverTimeout);
        var problems = new List<string>();
        Problem(problems, t.ShortTimeouts, $"timeouts shorter than their timeout (first {FieldText.DescribeTransactionKey(t.FirstShort)})");
        Problem(problems, t.CompletedOverTimeout, $"completed transactions at or over the timeout (first {FieldText.DescribeTransactionKey(t.FirstOver)})");
        return new ValidationCheck(CheckNames.TimeoutDurations, problems.Count == 0, figures, threshold,
            problems.Count == 0 ? $"{N(t.DependencyTimeouts)} DEP_TIMEOUT and {N(t.OrchestrationTimeouts)} ORCH_TIMEOUT, each lasting its timeout"
            : string.Join("; ", problems));
    }

    private ValidationCheck PrimaryAfterFix(AppLogCollector? logs)
    {
        var threshold = $"from the fix time on, no app-log row or span on {context.PrimaryCircuit}, and the impacted slice's transactions " +
            "run over another circuit";
        if (!context.IsNetworkIncident)
        {
            return new ValidationCheck(CheckNames.PrimaryCircuitAfterFix, true, [], threshold,
                $"the incident is a {context.IncidentKind}: no circuit is rerouted", applicable: false);
        }

        var spans = Has(TableCatalog.TraceSpans) ? (TraceSpanCollector?)Table(TableCatalog.TraceSpans).Collector : null;
        if (logs is null || spans is null)
        {
            return NotEvaluated(CheckNames.PrimaryCircuitAfterFix, threshold, MissingTables(TableCatalog.AppLogs, TableCatalog.TraceSpans));
        }

        var figures = new FigureList()
            .Add("fix_time", Iso(context.FixTime))
            .Add("primary_circuit", context.PrimaryCircuit)
            .Add("reroute_circuit", context.RerouteCircuit.Length == 0 ? null : context.RerouteCircuit)
            .Add("app_log_rows_on_primary_after_fix", logs.PrimaryRowsAfterFix)
            .Add("spans_on_primary_after_fix", spans.PrimarySpansAfterFix)
            .Add("slice_transactions_after_fix", logs.SliceAfterFix)
            .Add("slice_transactions_after_fix_rerouted", logs.SliceAfterFixElsewhere);
        var problems = new List<string>();
        Problem(problems, logs.PrimaryRowsAfterFix, $"app-log rows on {context.PrimaryCircuit} after the fix time (first {FieldText.DescribeTransactionKey(logs.FirstPrimaryAfterFix)})");
        Problem(problems, spans.PrimarySpansAfterFix, $"spans on {context.PrimaryCircuit} after the fix time");
        Problem(problems, logs.SliceAfterFix - logs.SliceAfterFixElsewhere, "impacted-slice transactions after the fix time on no other circuit");
        return new ValidationCheck(CheckNames.PrimaryCircuitAfterFix, problems.Count == 0, figures, threshold,
            problems.Count == 0 ? $"nothing crosses {context.PrimaryCircuit} after the fix; {N(logs.SliceAfterFixElsewhere)} slice transactions rerouted"
            : string.Join("; ", problems));
    }

    private ValidationCheck ConfounderImpact(AppLogCollector? logs)
    {
        var threshold = $"each confounder's region's transactions started in its window time out at most half as often as the " +
            $"impacted slice, beyond sampling noise (fails when the excess is over 3 standard errors; each group ≥ {MinimumTransactions} transactions)";
        if (logs is null)
        {
            return NotEvaluated(CheckNames.ConfounderImpactBelowIncident, threshold, MissingTables(TableCatalog.AppLogs));
        }

        var impacted = Rate(logs.ImpactedTimeouts, logs.ImpactedFinals);
        var figures = new FigureList().Add("impacted_timeout_rate", impacted);
        var problems = new List<string>();
        var applicable = logs.ImpactedFinals >= MinimumTransactions;
        for (var i = 0; i < context.Confounders.Count; i++)
        {
            var w = context.Confounders[i];
            var n = logs.ConfounderFinals[i];
            var rate = Rate(logs.ConfounderTimeouts[i], n);
            var ratio = Ratio(rate, impacted);
            // A rate from a few hundred transactions is noisy: judge the excess over half the incident's rate against
            // the standard error of that difference.
            var se = Math.Sqrt(rate * (1 - rate) / Math.Max(1, n) + 0.25 * impacted * (1 - impacted) / Math.Max(1, logs.ImpactedFinals));
            figures.Add(w.Name + "_transactions", n).Add(w.Name + "_timeout_rate", rate).Add(w.Name + "_vs_incident", ratio);
            applicable &= n >= MinimumTransactions;
            if (!(rate - 0.5 * impacted <= 3 * se))
            {
                problems.Add($"{w.Name} times out at {Percent(rate)}, {ratio:0.##}× the impacted slice's {Percent(impacted)}");
            }
        }

        return new ValidationCheck(CheckNames.ConfounderImpactBelowIncident, problems.Count == 0, figures, threshold,
            !applicable ? "too few transactions in the incident or a confounder window to compare"
            : problems.Count == 0 ? $"the red herrings time out well below the impacted slice's {Percent(impacted)}"
            : string.Join("; ", problems),
            applicable);
    }
}
