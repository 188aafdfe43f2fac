using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation.Collectors;

namespace FiberSqs.Core.Validation;

// Incident coherence and confounder separability: the story of docs/model.md is in the data, and the red
// herrings cannot be mistaken for it.
internal sealed partial class DatasetChecks
{
    /// <summary>Fewer impacted or baseline transactions than this make the ratios noise: the check does not apply.</summary>
    private const int MinimumTransactions = 30;

    private IEnumerable<ValidationCheck> Incident()
    {
        yield return ImpactedTransactions();
        var circuits = Has(TableCatalog.NetworkCircuitMetrics)
            ? ((CircuitMetricCollector)Table(TableCatalog.NetworkCircuitMetrics).Collector!).Circuits.Values.ToList()
            : null;
        yield return context.IsNetworkIncident ? PrimaryCircuit(circuits) : IncidentComponent();
        yield return OtherCircuits(circuits);
    }

    private IEnumerable<ValidationCheck> Confounders()
    {
        var circuits = Has(TableCatalog.NetworkCircuitMetrics)
            ? ((CircuitMetricCollector)Table(TableCatalog.NetworkCircuitMetrics).Collector!).Circuits.Values.ToList()
            : null;
        var hosts = Has(TableCatalog.InfraHostMetrics)
            ? ((HostMetricCollector)Table(TableCatalog.InfraHostMetrics).Collector!).Regions.Values.ToList()
            : null;
        yield return ConfounderWindows();
        yield return PrimaryDuringCpuSpike(circuits);
        yield return context.ExpectsCpuSpike
            ? ConfinedToRegion(CheckNames.ConfounderCpuSpikeCentralOnly, context.CpuSpike, SpikeName, hosts, "cpu",
                r => r.CpuInSpike, r => r.CpuOutside, 1.5, 1.2)
            : NotPlanted(CheckNames.ConfounderCpuSpikeCentralOnly, "host_saturation");
        yield return context.ExpectsBlip
            ? ConfinedToRegion(CheckNames.ConfounderBlipWestOnly, context.Blip, BlipName, hosts, "net_errors",
                r => r.NetErrorsInBlip, r => r.NetErrorsOutside, 2.0, 1.5)
            : NotPlanted(CheckNames.ConfounderBlipWestOnly, "deployment_regression");
        yield return CallsConfined(circuits);
    }

    /// <summary>Saturated hosts and a regressed release stall the work itself: their mark is end-to-end latency, not
    /// the dependency calls a failing circuit or dependency slows.</summary>
    private bool StallIncident => Scenarios.ScenarioKinds.StallsLocally(context.IncidentKind);

    private ValidationCheck ImpactedTransactions()
    {
        var latency = StallIncident ? "mean end-to-end latency ≥ 2.5×" : "mean dependency latency ≥ 4×";
        var threshold = $"{context.SourceRegion} {string.Join("/", context.AffectedTypes)} transactions that start in a burst (impacted) vs the others " +
            $"outside the CPU spike (baseline): {latency} and timeout rate ≥ 3× baseline " +
            $"(when each group has ≥ {MinimumTransactions} transactions)";
        if (!Has(TableCatalog.AppLogs))
        {
            return NotEvaluated(CheckNames.IncidentImpactedTransactions, threshold, MissingTables(TableCatalog.AppLogs));
        }

        var c = (AppLogCollector)Table(TableCatalog.AppLogs).Collector!;
        var latencyRatio = Ratio(c.ImpactedDependencyMs.Mean, c.BaselineDependencyMs.Mean);
        var endToEndRatio = Ratio(c.ImpactedEndToEndMs.Mean, c.BaselineEndToEndMs.Mean);
        var impactedRate = Rate(c.ImpactedTimeouts, c.ImpactedFinals);
        var baselineRate = Rate(c.BaselineTimeouts, c.BaselineFinals);
        var timeoutRatio = Ratio(impactedRate, baselineRate);
        var figures = new FigureList()
            .Add("bursts", context.BurstCount)
            .Add("impacted_transactions", c.ImpactedFinals)
            .Add("baseline_transactions", c.BaselineFinals)
            .Add("impacted_dependency_latency_mean_ms", Math.Round(c.ImpactedDependencyMs.Mean, 3))
            .Add("baseline_dependency_latency_mean_ms", Math.Round(c.BaselineDependencyMs.Mean, 3))
            .Add("dependency_latency_ratio", latencyRatio);
        if (StallIncident)
        {
            figures.Add("impacted_end_to_end_latency_mean_ms", Math.Round(c.ImpactedEndToEndMs.Mean, 3))
                .Add("baseline_end_to_end_latency_mean_ms", Math.Round(c.BaselineEndToEndMs.Mean, 3))
                .Add("end_to_end_latency_ratio", endToEndRatio);
        }

        figures.Add("impacted_timeout_rate", impactedRate)
            .Add("baseline_timeout_rate", baselineRate)
            .Add("timeout_rate_ratio", timeoutRatio);
        if (context.BurstCount == 0)
        {
            return new ValidationCheck(CheckNames.IncidentImpactedTransactions, false, figures, threshold,
                "ground_truth.json lists no bursts");
        }

        var applicable = c.ImpactedFinals >= MinimumTransactions && c.BaselineFinals >= MinimumTransactions;
        var problems = new List<string>();
        var (ratio, what, minimum) = StallIncident ? (endToEndRatio, "end-to-end latency", 2.5) : (latencyRatio, "dependency latency", 4.0);
        if (!(ratio >= minimum))
        {
            problems.Add($"impacted {what} is {ratio:0.##}× baseline, under {minimum}×");
        }

        if (!(timeoutRatio >= 3))
        {
            problems.Add($"impacted timeout rate is {timeoutRatio:0.##}× baseline, under 3×");
        }

        return new ValidationCheck(CheckNames.IncidentImpactedTransactions, problems.Count == 0, figures, threshold,
            !applicable ? $"{N(c.ImpactedFinals)} impacted and {N(c.BaselineFinals)} baseline transactions: too few to compare"
            : problems.Count == 0 ? $"in bursts, {what} {ratio:0.##}× and timeout rate {timeoutRatio:0.##}× baseline"
            : string.Join("; ", problems),
            applicable);
    }

    /// <summary>The incident's own component, when it is not a circuit: where a trainee finds it.</summary>
    private ValidationCheck IncidentComponent() => context.IncidentKind switch
    {
        Scenarios.ScenarioKinds.HostSaturation => SaturatedHosts(),
        Scenarios.ScenarioKinds.DeploymentRegression => RegressedRelease(),
        _ => FailingDependency(),
    };

    private ValidationCheck SaturatedHosts()
    {
        var hosts = string.Join(", ", context.SaturatedHosts);
        var threshold = $"{hosts}: mean CPU in samples overlapping a burst ≥ 85% and ≥ 1.3× their other samples; " +
            $"the other {context.SourceRegion} hosts < 1.15× (only the saturated hosts saturate)";
        if (!Has(TableCatalog.InfraHostMetrics))
        {
            return NotEvaluated(CheckNames.IncidentComponent, threshold, MissingTables(TableCatalog.InfraHostMetrics));
        }

        var h = (HostMetricCollector)Table(TableCatalog.InfraHostMetrics).Collector!;
        var own = Ratio(h.SaturatedCpuBurst.Mean, h.SaturatedCpuOutside.Mean);
        var others = Ratio(h.OtherHostsCpuBurst.Mean, h.OtherHostsCpuOutside.Mean);
        var figures = new FigureList()
            .Add("saturated_hosts", hosts)
            .Add("saturated_cpu_burst_mean_pct", Math.Round(h.SaturatedCpuBurst.Mean, 2))
            .Add("saturated_cpu_outside_mean_pct", Math.Round(h.SaturatedCpuOutside.Mean, 2))
            .Add("saturated_cpu_ratio", own)
            .Add("other_hosts_cpu_ratio", others);
        var problems = new List<string>();
        if (context.SaturatedHosts.Count == 0 || h.SaturatedCpuBurst.Count == 0)
        {
            problems.Add("ground_truth.json names no saturated host with metrics in a burst");
        }
        else if (!(h.SaturatedCpuBurst.Mean >= 85 && own >= 1.3))
        {
            problems.Add($"the saturated hosts' CPU in bursts is {h.SaturatedCpuBurst.Mean:0.#}% ({own:0.##}× their other samples)");
        }

        if (!(others < 1.15))
        {
            problems.Add($"the other {context.SourceRegion} hosts' CPU is {others:0.##}× in bursts: the saturation is not confined to its hosts");
        }

        return new ValidationCheck(CheckNames.IncidentComponent, problems.Count == 0, figures, threshold,
            problems.Count == 0 ? $"{hosts} run at {h.SaturatedCpuBurst.Mean:0.#}% CPU in bursts ({own:0.##}×); the region's other hosts {others:0.##}×"
            : string.Join("; ", problems));
    }

    private ValidationCheck RegressedRelease()
    {
        var threshold = $"{context.SourceRegion} hosts: mean network errors in samples overlapping a burst ≥ 2× their other samples";
        if (!Has(TableCatalog.InfraHostMetrics))
        {
            return NotEvaluated(CheckNames.IncidentComponent, threshold, MissingTables(TableCatalog.InfraHostMetrics));
        }

        var h = (HostMetricCollector)Table(TableCatalog.InfraHostMetrics).Collector!;
        var ratio = Ratio(h.SourceNetErrorsBurst.Mean, h.SourceNetErrorsOutside.Mean);
        var figures = new FigureList()
            .Add("region", context.SourceRegion)
            .Add("net_errors_burst_mean", Math.Round(h.SourceNetErrorsBurst.Mean, 4))
            .Add("net_errors_outside_mean", Math.Round(h.SourceNetErrorsOutside.Mean, 4))
            .Add("net_errors_ratio", ratio);
        var passed = ratio >= 2;
        return new ValidationCheck(CheckNames.IncidentComponent, passed, figures, threshold,
            $"{context.SourceRegion} network errors are {ratio:0.##}× in bursts" + (passed ? "" : ", under 2×"));
    }

    private ValidationCheck FailingDependency()
    {
        var threshold = $"calls into {context.DestinationRegion} from the other regions' transactions started in a burst: mean dependency " +
            $"latency ≥ 3× the same calls' outside bursts (every caller is hit, whatever its circuit; ≥ {MinimumTransactions} calls each)";
        if (!Has(TableCatalog.AppLogs))
        {
            return NotEvaluated(CheckNames.IncidentComponent, threshold, MissingTables(TableCatalog.AppLogs));
        }

        var c = (AppLogCollector)Table(TableCatalog.AppLogs).Collector!;
        var ratio = Ratio(c.OtherCallersBurstMs.Mean, c.OtherCallersBaselineMs.Mean);
        var figures = new FigureList()
            .Add("dependency_region", context.DestinationRegion)
            .Add("other_callers_burst_calls", c.OtherCallersBurstMs.Count)
            .Add("other_callers_baseline_calls", c.OtherCallersBaselineMs.Count)
            .Add("other_callers_burst_latency_mean_ms", Math.Round(c.OtherCallersBurstMs.Mean, 3))
            .Add("other_callers_baseline_latency_mean_ms", Math.Round(c.OtherCallersBaselineMs.Mean, 3))
            .Add("other_callers_latency_ratio", ratio);
        var applicable = c.OtherCallersBurstMs.Count >= MinimumTransactions && c.OtherCallersBaselineMs.Count >= MinimumTransactions;
        var passed = ratio >= 3;
        return new ValidationCheck(CheckNames.IncidentComponent, passed, figures, threshold,
            !applicable ? $"{N(c.OtherCallersBurstMs.Count)} calls in bursts from other regions: too few to compare"
            : $"other regions' calls into {context.DestinationRegion} are {ratio:0.##}× slower in bursts" + (passed ? "" : ", under 3×"),
            applicable);
    }

    private CircuitRtt? Primary(List<CircuitRtt> circuits) => circuits.FirstOrDefault(c => c.Circuit == context.PrimaryCircuit);

    private ValidationCheck PrimaryCircuit(List<CircuitRtt>? circuits)
    {
        var threshold = $"{context.PrimaryCircuit}: mean RTT of the minutes overlapping a burst ≥ 4× that of the other minutes";
        if (circuits is null)
        {
            return NotEvaluated(CheckNames.IncidentPrimaryCircuit, threshold, MissingTables(TableCatalog.NetworkCircuitMetrics));
        }

        var p = Primary(circuits);
        if (p is null || p.Burst.Count == 0 || p.Baseline.Count == 0)
        {
            return new ValidationCheck(CheckNames.IncidentPrimaryCircuit, false,
                new FigureList().Add("burst_minutes", p?.Burst.Count ?? 0).Add("baseline_minutes", p?.Baseline.Count ?? 0), threshold,
                p is null ? $"{context.PrimaryCircuit} has no metrics" : $"{context.PrimaryCircuit} has no metrics in burst minutes or outside them");
        }

        var ratio = Ratio(p.Burst.Mean, p.Baseline.Mean);
        var figures = new FigureList()
            .Add("circuit", p.Circuit)
            .Add("burst_minutes", p.Burst.Count)
            .Add("baseline_minutes", p.Baseline.Count)
            .Add("burst_rtt_mean_ms", Math.Round(p.Burst.Mean, 3))
            .Add("baseline_rtt_mean_ms", Math.Round(p.Baseline.Mean, 3))
            .Add("rtt_ratio", ratio);
        var passed = ratio >= 4;
        return new ValidationCheck(CheckNames.IncidentPrimaryCircuit, passed, figures, threshold,
            $"{p.Circuit} RTT in bursts is {ratio:0.##}× its baseline ({p.Burst.Mean:0.#} vs {p.Baseline.Mean:0.#} ms)" +
            (passed ? "" : ", under 4×"));
    }

    private ValidationCheck OtherCircuits(List<CircuitRtt>? circuits)
    {
        var threshold = (context.IsNetworkIncident ? $"every circuit but {context.PrimaryCircuit}" : "every circuit (the incident is not a circuit's)") +
            ": mean RTT in burst minutes < 1.5× its other minutes";
        if (circuits is null)
        {
            return NotEvaluated(CheckNames.IncidentOtherCircuits, threshold, MissingTables(TableCatalog.NetworkCircuitMetrics));
        }

        var others = circuits.Where(c => c.Circuit != context.PrimaryCircuit && c.Burst.Count > 0 && c.Baseline.Count > 0)
            .Select(c => (c.Circuit, Ratio: Ratio(c.Burst.Mean, c.Baseline.Mean)))
            .OrderByDescending(c => c.Ratio).ToList();
        var elevated = others.Where(c => !(c.Ratio < 1.5)).ToList();
        var figures = new FigureList()
            .Add("circuits", others.Count)
            .Add("elevated_circuits", elevated.Count)
            .Add("max_rtt_ratio", others.Count == 0 ? double.NaN : others[0].Ratio)
            .Add("max_rtt_ratio_circuit", others.Count == 0 ? null : others[0].Circuit);
        var passed = others.Count > 0 && elevated.Count == 0;
        return new ValidationCheck(CheckNames.IncidentOtherCircuits, passed, figures, threshold,
            others.Count == 0 ? "no other circuit has metrics in and out of bursts"
            : passed ? $"{others.Count} other circuits, none elevated in bursts (highest {others[0].Circuit} at {others[0].Ratio:0.##}×)"
            : $"elevated in bursts: {string.Join(", ", elevated.Select(e => $"{e.Circuit} {e.Ratio:0.##}×"))}");
    }

    private static ValidationCheck NotPlanted(string name, string kind) =>
        new(name, true, [], $"the scenario's {kind} red herring confined to its region", $"the scenario has no {kind} red herring", applicable: false);

    /// <summary>A network red herring slows every circuit out of its region (≥ 1.5× the same hours of the other days)
    /// and no other circuit (&lt; 1.2×); a dependency one slows the calls into its region (≥ 1.3×).</summary>
    private ValidationCheck CallsConfined(List<CircuitRtt>? circuits)
    {
        var network = context.Confounders.FirstOrDefault(c => c.Kind == Scenarios.ScenarioKinds.NetworkCircuitDegradation);
        var dependency = context.Confounders.FirstOrDefault(c => c.Kind == Scenarios.ScenarioKinds.DependencyOutage);
        var threshold = "network red herring: every circuit out of its region at ≥ 1.5× its RTT at the same time of the other days, " +
            "every other circuit < 1.2×; dependency red herring: calls into its region ≥ 1.3× the same calls at that time of the other days";
        if (network is null && dependency is null)
        {
            return new ValidationCheck(CheckNames.ConfounderCallsConfined, true, [], threshold, "the scenario has no network or dependency red herring", applicable: false);
        }

        var figures = new FigureList();
        var problems = new List<string>();
        if (network is not null)
        {
            if (circuits is null)
            {
                return NotEvaluated(CheckNames.ConfounderCallsConfined, threshold, MissingTables(TableCatalog.NetworkCircuitMetrics));
            }

            var prefix = $"CKT-{Model.Scenario.RegionCode(network.Region)}-";
            var ratios = circuits.Where(c => c.RegionalInside.Count > 0 && c.RegionalOutside.Count > 0)
                .Select(c => (c.Circuit, Own: c.Circuit.StartsWith(prefix, StringComparison.Ordinal), Ratio: Ratio(c.RegionalInside.Mean, c.RegionalOutside.Mean))).ToList();
            var own = ratios.Where(r => r.Own).ToList();
            var lowestOwn = own.Count == 0 ? double.NaN : own.Min(r => r.Ratio);
            var highestOther = ratios.Where(r => !r.Own).Select(r => r.Ratio).DefaultIfEmpty(double.NaN).Max();
            figures.Add(network.Name + "_circuits", own.Count).Add(network.Name + "_lowest_rtt_ratio", lowestOwn)
                .Add(network.Name + "_highest_other_rtt_ratio", highestOther);
            if (!(lowestOwn >= 1.5))
            {
                problems.Add(own.Count == 0 ? $"no circuit out of {network.Region} has metrics in {network.Name}'s window"
                    : $"a circuit out of {network.Region} is only {lowestOwn:0.##}× in {network.Name}'s window");
            }

            if (!(highestOther < 1.2))
            {
                problems.Add($"a circuit out of another region is {highestOther:0.##}× in {network.Name}'s window: it is not confined to {network.Region}");
            }
        }

        var applicable = true;
        if (dependency is not null)
        {
            if (!Has(TableCatalog.AppLogs))
            {
                return NotEvaluated(CheckNames.ConfounderCallsConfined, threshold, MissingTables(TableCatalog.AppLogs));
            }

            var logs = (AppLogCollector)Table(TableCatalog.AppLogs).Collector!;
            var i = context.Confounders.ToList().IndexOf(dependency);
            var (inside, outside) = (logs.ConfounderCallsInside[i], logs.ConfounderCallsOutside[i]);
            var ratio = Ratio(inside.Mean, outside.Mean);
            figures.Add(dependency.Name + "_calls", inside.Count).Add(dependency.Name + "_call_latency_ratio", ratio);
            // Too few calls to judge the dependency leave the network part (if any) to decide.
            var enough = inside.Count >= MinimumTransactions && outside.Count >= MinimumTransactions;
            applicable = enough || network is not null;
            if (enough && !(ratio >= 1.3))
            {
                problems.Add($"calls into {dependency.Region} are {ratio:0.##}× in {dependency.Name}'s window, under 1.3×");
            }
        }

        return new ValidationCheck(CheckNames.ConfounderCallsConfined, problems.Count == 0, figures, threshold,
            !applicable ? "too few calls into the dependency's region in its window to compare"
            : problems.Count == 0 ? "the network and dependency red herrings show where they are, and only there"
            : string.Join("; ", problems),
            applicable);
    }

    // The confounders' names as the key gives them (a variant names them after its regions); the classic's otherwise.
    private string SpikeName => context.CpuSpike?.Name ?? "central_cpu_spike";

    private string BlipName => context.Blip?.Name ?? "west_deployment_blip";

    private string SpikeRegion => context.CpuSpike?.Region ?? "central";

    private ValidationCheck ConfounderWindows()
    {
        var names = context.ExpectsCpuSpike && context.ExpectsBlip ? $"{SpikeName}, {BlipName}" : string.Join(", ", context.Confounders.Select(c => c.Name));
        var threshold = $"both confounders ({names}) are in ground_truth.json and " +
            "neither overlaps the incident [primary_incident.start, fix_time)";
        var figures = new FigureList()
            .Add("incident_start", Iso(context.IncidentStart))
            .Add("fix_time", Iso(context.FixTime))
            .Add("cpu_spike_start", context.CpuSpike is { } c1 ? Iso(c1.Start) : null)
            .Add("cpu_spike_end", context.CpuSpike is { } c2 ? Iso(c2.End) : null)
            .Add("blip_start", context.Blip is { } b1 ? Iso(b1.Start) : null)
            .Add("blip_end", context.Blip is { } b2 ? Iso(b2.End) : null);
        var problems = new List<string>();
        // The classic's two must be there (and any a scenario declares); every confounder of the key must lie apart.
        var expected = new List<(ConfounderWindow? Window, string Name)>();
        if (context.ExpectsCpuSpike)
        {
            expected.Add((context.CpuSpike, SpikeName));
        }

        if (context.ExpectsBlip)
        {
            expected.Add((context.Blip, BlipName));
        }

        expected.AddRange(context.Confounders.Where(c => c != context.CpuSpike && c != context.Blip).Select(c => ((ConfounderWindow?)c, c.Name)));
        if (expected.Count < 2)
        {
            problems.Add($"ground_truth.json has {expected.Count} confounder(s); a scenario has two");
        }

        foreach (var (w, name) in expected)
        {
            if (w is null)
            {
                problems.Add($"{name} is not in ground_truth.json confounders");
            }
            else if (w.Overlaps(context.IncidentStart, context.FixTime))
            {
                problems.Add($"{name} {Iso(w.Start)}..{Iso(w.End)} overlaps the incident");
            }
        }

        return new ValidationCheck(CheckNames.ConfounderWindows, problems.Count == 0, figures, threshold,
            problems.Count == 0
                ? context.ExpectsCpuSpike && context.ExpectsBlip ? "the CPU spike and the deployment blip lie outside the incident"
                : $"{string.Join(" and ", expected.Select(e => e.Name))} lie outside the incident"
            : string.Join("; ", problems));
    }

    private ValidationCheck PrimaryDuringCpuSpike(List<CircuitRtt>? circuits)
    {
        var threshold = $"{context.PrimaryCircuit}: mean RTT during the {SpikeRegion} CPU spike < 1.5× its mean outside bursts";
        if (!context.IsNetworkIncident || !context.ExpectsCpuSpike)
        {
            return new ValidationCheck(CheckNames.ConfounderPrimaryCircuitDuringCpuSpike, true, [], threshold,
                !context.IsNetworkIncident ? $"the incident is a {context.IncidentKind}: there is no failing circuit to tell from the CPU spike"
                : "the scenario has no CPU red herring", applicable: false);
        }

        if (circuits is null)
        {
            return NotEvaluated(CheckNames.ConfounderPrimaryCircuitDuringCpuSpike, threshold, MissingTables(TableCatalog.NetworkCircuitMetrics));
        }

        var p = Primary(circuits);
        if (context.CpuSpike is null || p is null || p.CpuSpike.Count == 0 || p.Baseline.Count == 0)
        {
            return new ValidationCheck(CheckNames.ConfounderPrimaryCircuitDuringCpuSpike, false, [], threshold,
                context.CpuSpike is null ? $"ground_truth.json has no {SpikeName}" : $"{context.PrimaryCircuit} has no metrics during the CPU spike");
        }

        var ratio = Ratio(p.CpuSpike.Mean, p.Baseline.Mean);
        var figures = new FigureList()
            .Add("cpu_spike_minutes", p.CpuSpike.Count)
            .Add("cpu_spike_rtt_mean_ms", Math.Round(p.CpuSpike.Mean, 3))
            .Add("baseline_rtt_mean_ms", Math.Round(p.Baseline.Mean, 3))
            .Add("rtt_ratio", ratio);
        var passed = ratio < 1.5;
        return new ValidationCheck(CheckNames.ConfounderPrimaryCircuitDuringCpuSpike, passed, figures, threshold,
            $"{context.PrimaryCircuit} RTT during the CPU spike is {ratio:0.##}× baseline" + (passed ? "" : ": the spike looks like the incident"));
    }

    private static ValidationCheck ConfinedToRegion(string name, ConfounderWindow? window, string confounder, List<RegionHostStats>? regions,
        string metric, Func<RegionHostStats, RunningMean> inside, Func<RegionHostStats, RunningMean> outside, double minOwn, double maxOthers)
    {
        var threshold = $"{confounder}: {metric} mean in the window ≥ {minOwn}× its mean at the same time of day on the other days " +
            $"on the confounder's region's hosts, < {maxOthers}× on every other region's";
        if (window is null)
        {
            return new ValidationCheck(name, false, [], threshold, $"ground_truth.json has no {confounder}");
        }

        if (regions is null)
        {
            return NotEvaluated(name, threshold, TableCatalog.InfraHostMetrics.FileName + " is missing or unreadable");
        }

        var figures = new FigureList().Add("region", window.Region);
        var problems = new List<string>();
        var own = double.NaN;
        foreach (var r in regions.OrderBy(r => r.Region, StringComparer.Ordinal))
        {
            var ratio = Ratio(inside(r).Mean, outside(r).Mean);
            figures.Add($"{r.Region}_{metric}_ratio", ratio);
            if (r.Region == window.Region)
            {
                own = ratio;
                if (!(ratio >= minOwn))
                {
                    problems.Add($"{r.Region} {metric} in the window is only {ratio:0.##}× the same hours of the other days");
                }
            }
            else if (!(ratio < maxOthers))
            {
                problems.Add($"{r.Region} {metric} is {ratio:0.##}× in the window: the confounder is not confined to {window.Region}");
            }
        }

        if (double.IsNaN(own) && problems.Count == 0)
        {
            problems.Add($"no {window.Region} host metrics in the window");
        }

        return new ValidationCheck(name, problems.Count == 0, figures, threshold,
            problems.Count == 0 ? $"{window.Region} {metric} {own:0.##}× in the window, other regions unchanged" : string.Join("; ", problems));
    }
}
