using System.Text.Json.Nodes;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation.Collectors;

namespace FiberSqs.Core.Validation;

// The original generator's validation_summary.json sections, beside the checks, so that tooling that read its reports
// keeps working: referential_integrity, incident_coherence, confounder_separability, alert_quality. The figures are
// the checks' own (correct ones: the original compared a number with itself), in the original's key names.
internal sealed partial class DatasetChecks
{
    /// <summary>Events of these severities count as alerts for alert_quality.</summary>
    private static readonly HashSet<string> AlertSeverities = ["critical", "warning"];

    public static JsonObject OriginalSections(IReadOnlyList<ValidationCheck> checks, DatasetChecks source) => new()
    {
        ["referential_integrity"] = new JsonObject
        {
            ["tso_match_pct"] = Percent100(Figure(checks, CheckNames.TsoClassification, "clean"),
                Figure(checks, CheckNames.TsoClassification, "calls_in_file") - Figure(checks, CheckNames.TsoClassification, "missing")),
            ["trace_match_pct"] = Percent100(
                Figure(checks, CheckNames.SpanTransactions, "span_transactions") - Figure(checks, CheckNames.SpanTransactions, "span_transactions_not_in_app_logs"),
                Figure(checks, CheckNames.SpanTransactions, "span_transactions")),
        },
        ["incident_coherence"] = new JsonObject
        {
            ["dependency_latency_multiplier"] = Round(Figure(checks, CheckNames.IncidentImpactedTransactions, "dependency_latency_ratio"), 2),
            ["timeout_rate_multiplier"] = Round(Figure(checks, CheckNames.IncidentImpactedTransactions, "timeout_rate_ratio"), 2),
            ["network_rtt_multiplier"] = Round(Figure(checks, CheckNames.IncidentPrimaryCircuit, "rtt_ratio"), 2),
        },
        ["confounder_separability"] = source.Separability(),
        ["alert_quality"] = source.AlertQuality(),
    };

    private JsonObject Separability()
    {
        var section = new JsonObject();
        if (Has(TableCatalog.InfraHostMetrics) && context.CpuSpike is { } spike)
        {
            var hosts = ((HostMetricCollector)Table(TableCatalog.InfraHostMetrics).Collector!).Regions.Values;
            var own = hosts.FirstOrDefault(r => r.Region == spike.Region);
            section["cpu_peak_pct"] = own is null || double.IsInfinity(own.CpuMax) ? null : Math.Round(own.CpuMax, 2);
        }

        if (Has(TableCatalog.NetworkCircuitMetrics))
        {
            var p = Primary([.. ((CircuitMetricCollector)Table(TableCatalog.NetworkCircuitMetrics).Collector!).Circuits.Values]);
            // The primary's highest RTT during the CPU spike over its baseline mean: about 1 when the two are apart.
            section["network_peak_during_cpu"] = p is null || p.CpuSpike.Count == 0 ? 1.0 : Round(p.CpuSpikeMax / p.Baseline.Mean, 4);
        }

        return section;
    }

    /// <summary>With Tier 2: alerts (critical or warning events) on the primary circuit inside the incident are true
    /// positives, every other alert a false positive, and a burst with no primary alert from 5 minutes before its start
    /// to its end a false negative. Without Tier 2, empty (as the original left it).</summary>
    private JsonObject AlertQuality()
    {
        if (!Has(TableCatalog.NetworkEvents))
        {
            return [];
        }

        var events = ((NetworkEventCollector)Table(TableCatalog.NetworkEvents).Collector!).Events;
        var alerts = events.Where(e => AlertSeverities.Contains(e.Severity)).ToList();
        var onPrimary = alerts.Where(e => e.Circuit == context.PrimaryCircuit).ToList();
        long tp = onPrimary.Count(e => e.Ticks >= context.IncidentStart.Ticks && e.Ticks < context.IncidentEnd.Ticks);
        long fn = 0;
        for (var i = 0; i < context.BurstCount; i++)
        {
            var from = context.BurstStartTicks[i] - 5 * TimeSpan.TicksPerMinute;
            var to = context.BurstEndTicks[i];
            fn += onPrimary.Any(e => e.Ticks >= from && e.Ticks < to) ? 0 : 1;
        }

        return new JsonObject { ["tp"] = tp, ["fp"] = (long)alerts.Count - tp, ["fn"] = fn };
    }

    private static double Figure(IReadOnlyList<ValidationCheck> checks, string check, string figure) =>
        checks.FirstOrDefault(c => c.Name == check)?.Figure(figure) switch
        {
            long l => l,
            double d => d,
            _ => double.NaN,
        };

    private static double? Percent100(double part, double whole) => whole > 0 && double.IsFinite(part) ? Math.Round(100 * part / whole, 3) : null;

    private static double? Round(double value, int digits) => double.IsFinite(value) ? Math.Round(value, digits) : null;
}
