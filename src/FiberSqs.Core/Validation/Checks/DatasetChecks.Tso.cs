using FiberSqs.Core.Model;
using FiberSqs.Core.Tables;
using FiberSqs.Core.Validation.Collectors;

namespace FiberSqs.Core.Validation;

// TSO ids: each call classified from the files (empty, no such transaction, another customer's, its own) and
// compared with the answer key; then the defect rates against their bands.
internal sealed partial class DatasetChecks
{
    /// <summary>The calls' classes as derived from the files.</summary>
    private sealed record TsoCounts(long Calls, long Clean, long Missing, long Fabricated, long WrongCustomer)
    {
        public long NonEmpty => Calls - Missing;
        public long Joined => NonEmpty - Fabricated;
    }

    private ValidationCheck TsoClassification(NativeKeys? index, out TsoCounts? counts)
    {
        counts = null;
        const string threshold = "every call's transaction_id classified from the files (empty: missing; no such transaction: " +
            "fabricated; another customer's transaction: wrong_customer; else clean) as in ground_truth.json, with the same id";
        if (index is null || !Has(TableCatalog.TsoCalls))
        {
            return NotEvaluated(CheckNames.TsoClassification, threshold, MissingTables(TableCatalog.AppLogs, TableCatalog.TsoCalls));
        }

        var calls = ((TsoCallCollector)Table(TableCatalog.TsoCalls).Collector!).Calls;
        var details = new Dictionary<string, TsoCallDetail>(StringComparer.Ordinal);
        long duplicateTruth = 0;
        foreach (var d in truth.TsoNoise.CallDetails)
        {
            if (!details.TryAdd(d.CallId, d))
            {
                duplicateTruth++;
            }
        }

        long clean = 0, missing = 0, fabricated = 0, wrong = 0;
        long unknown = 0, classMismatch = 0, idMismatch = 0, duplicateCalls = 0;
        string? first = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            string derived;
            if (call.TransactionKey == 0)
            {
                derived = TsoNoiseType.Missing;
                missing++;
            }
            else if (index.ValueOf(call.TransactionKey) is not { } customer)
            {
                derived = TsoNoiseType.Fabricated;
                fabricated++;
            }
            else if (customer != call.Customer)
            {
                derived = TsoNoiseType.WrongCustomer;
                wrong++;
            }
            else
            {
                derived = TsoNoiseType.Clean;
                clean++;
            }

            if (!seen.Add(call.CallId))
            {
                duplicateCalls++;
                first ??= $"{call.CallId} appears more than once";
            }

            if (!details.TryGetValue(call.CallId, out var d))
            {
                unknown++;
                first ??= $"{call.CallId} is not in ground_truth.json";
                continue;
            }

            if (d.NoiseType != derived)
            {
                classMismatch++;
                first ??= $"{call.CallId}: the files make it {derived}, ground_truth.json says {d.NoiseType}";
            }

            var expectedId = d.NoiseType == TsoNoiseType.Clean ? d.TrueTransactionId : d.EmittedTransactionId;
            if (call.TransactionId != d.EmittedTransactionId || call.TransactionId != expectedId)
            {
                idMismatch++;
                first ??= $"{call.CallId}: transaction_id '{call.TransactionId}', ground_truth.json emitted '{d.EmittedTransactionId}'";
            }
        }

        var absent = details.Keys.Count(k => !seen.Contains(k));
        var truthCounts = TsoNoiseType.All.ToDictionary(t => t, t => truth.TsoNoise.CallDetails.LongCount(d => d.NoiseType == t));
        var countsAgree = truth.TsoNoise.TotalCalls == truth.TsoNoise.CallDetails.Count
            && TsoNoiseType.All.All(t => truth.TsoNoise.NoiseCounts.GetValueOrDefault(t) == truthCounts[t]);
        counts = new TsoCounts(calls.Count, clean, missing, fabricated, wrong);
        var figures = new FigureList()
            .Add("calls_in_file", calls.Count)
            .Add("calls_in_truth", truth.TsoNoise.CallDetails.Count)
            .Add("clean", clean)
            .Add("missing", missing)
            .Add("fabricated", fabricated)
            .Add("wrong_customer", wrong)
            .Add("class_mismatches", classMismatch)
            .Add("id_mismatches", idMismatch)
            .Add("calls_not_in_truth", unknown)
            .Add("truth_calls_not_in_file", absent)
            .Add("duplicate_calls", duplicateCalls + duplicateTruth)
            .Add("truth_counts_agree", countsAgree)
            .Add("first_mismatch", first);
        var problems = new List<string>();
        Problem(problems, classMismatch, "calls classified differently from ground_truth.json");
        Problem(problems, idMismatch, "calls whose transaction_id differs from ground_truth.json");
        Problem(problems, unknown, "calls not in ground_truth.json");
        Problem(problems, absent, "ground-truth calls not in tso_calls");
        Problem(problems, duplicateCalls + duplicateTruth, "repeated call ids");
        if (!countsAgree)
        {
            problems.Add("tso_noise total_calls/noise_counts disagree with its call_details");
        }

        return new ValidationCheck(CheckNames.TsoClassification, problems.Count == 0, figures, threshold,
            problems.Count == 0
                ? $"{N(calls.Count)} calls: {N(clean)} clean, {N(missing)} missing, {N(fabricated)} fabricated, {N(wrong)} wrong_customer, all as in the answer key"
                : string.Join("; ", problems) + (first is null ? "" : $" (first: {first})"));
    }

    private static ValidationCheck TsoDefectBands(TsoCounts? c)
    {
        const string threshold = "with at least 1,000 calls: missing 2-3.5% of calls, fabricated at most 0.2% of non-empty ids, " +
            "wrong link 0.3-0.7% of joined calls";
        if (c is null)
        {
            return NotEvaluated(CheckNames.TsoDefectBands, threshold, "the calls could not be classified (see tso_classification)");
        }

        var missingRate = Rate(c.Missing, c.Calls);
        var fabricatedRate = Rate(c.Fabricated, c.NonEmpty);
        var wrongRate = Rate(c.WrongCustomer, c.Joined);
        var figures = new FigureList()
            .Add("calls", c.Calls)
            .Add("missing", c.Missing)
            .Add("missing_rate", missingRate)
            .Add("non_empty_ids", c.NonEmpty)
            .Add("fabricated", c.Fabricated)
            .Add("fabricated_rate", fabricatedRate)
            .Add("joined_calls", c.Joined)
            .Add("wrong_customer", c.WrongCustomer)
            .Add("wrong_link_rate", wrongRate);
        var problems = new List<string>();
        if (!(missingRate >= 0.02 && missingRate <= 0.035))
        {
            problems.Add($"missing {Percent(missingRate)} of calls is outside 2-3.5%");
        }

        if (!(fabricatedRate <= 0.002))
        {
            problems.Add($"fabricated {Percent(fabricatedRate)} of non-empty ids is over 0.2%");
        }

        if (!(wrongRate >= 0.003 && wrongRate <= 0.007))
        {
            problems.Add($"wrong link {Percent(wrongRate)} of joined calls is outside 0.3-0.7%");
        }

        var applicable = c.Calls >= 1000;
        return new ValidationCheck(CheckNames.TsoDefectBands, problems.Count == 0, figures, threshold,
            !applicable ? $"{N(c.Calls)} calls, fewer than 1,000: rates not checked"
            : problems.Count == 0 ? $"missing {Percent(missingRate)}, fabricated {Percent(fabricatedRate)}, wrong link {Percent(wrongRate)}: inside their bands"
            : string.Join("; ", problems),
            applicable);
    }
}
