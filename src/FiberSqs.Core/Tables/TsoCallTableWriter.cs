using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>
/// tso_calls: the support calls of the whole run, in call-time order, with their transaction-id defects.
/// Defect counts are exact (missing 2.7% of calls, fabricated 0.15% of non-empty ids, wrong link 0.5% of joined
/// calls, rounded) and their positions drawn uniformly over the run, so no stretch of calls is front-loaded.
/// </summary>
internal sealed class TsoCallTableWriter(CsvRowWriter csv, long seed)
{
    private static readonly string[] GeneralCategories = ["billing_question", "connectivity", "equipment", "account_change", "service_error"];
    private static readonly Dictionary<string, string[]> Descriptions = new()
    {
        ["provisioning_delay"] = ["Service activation is taking much longer than promised", "Order stuck in processing for a long time", "Profile change still pending after a long wait"],
        ["provisioning_failure"] = ["Activation failed with an error in the portal", "Order could not be completed, asked to try again", "Profile change rejected with a timeout"],
        ["service_error"] = ["Request failed with a timeout message", "Portal showed an error during the request", "Change did not go through"],
        ["billing_question"] = ["Question about a charge on the last bill", "Wants to change the billing date", "Asks about a promotional discount"],
        ["connectivity"] = ["Intermittent connection drops in the evening", "Slow speeds on wired devices", "No connection after a power cut"],
        ["equipment"] = ["Router lights blinking orange", "Set-top box restarts on its own", "Needs a replacement power adapter"],
        ["account_change"] = ["Wants to move the service to a new address", "Asks to add an authorised user", "Wants to cancel an add-on"],
    };

    private static readonly string[] ResolutionCodes = ["resolved_first_contact", "ticket_opened", "callback_scheduled", "customer_educated", "refund_issued"];

    public long Rows => csv.Rows;

    public TsoNoise Write(List<TsoCandidate> calls, EndedTransactionIndex ended)
    {
        calls.Sort((a, b) => a.CallTicks != b.CallTicks ? a.CallTicks.CompareTo(b.CallTicks) : a.Seq.CompareTo(b.Seq));
        var n = calls.Count;
        var noise = PlanNoise(n);
        var content = Prng.Create(seed, StreamId.TsoCalls, 1_000_000);
        var linkPrng = Prng.Create(seed, StreamId.TsoNoise, 1);
        var details = new List<TsoCallDetail>(n);
        var counts = TsoNoiseType.All.ToDictionary(t => t, _ => 0L);
        long second = -1;
        var inSecond = 0;
        Span<byte> callId = stackalloc byte[21];
        for (var i = 0; i < n; i++)
        {
            var call = calls[i];
            var trueId = call.TransactionId;
            var type = noise[i];
            var emitted = trueId;
            switch (type)
            {
                case TsoNoiseType.Missing:
                    emitted = "";
                    break;
                case TsoNoiseType.Fabricated:
                    emitted = $"FAKE-TX-{new DateTime(call.StartTicks, DateTimeKind.Utc):yyyyMMddHHmmss}-{linkPrng.NextInt(10000):0000}";
                    break;
                case TsoNoiseType.WrongCustomer:
                    var other = ended.FindOther(call, ref linkPrng);
                    if (other is { } o)
                    {
                        emitted = TsoCandidate.TransactionIdText(o.StartTicks, o.Seq);
                    }
                    else
                    {
                        type = TsoNoiseType.Clean; // no transaction of another customer near enough: stays clean
                    }

                    break;
            }

            counts[type]++;
            var s = call.CallTicks / TimeSpan.TicksPerSecond;
            inSecond = s == second ? inSecond + 1 : 0;
            second = s;
            "TSO-"u8.CopyTo(callId);
            Utf8Text.Compact(callId[4..], call.CallTicks);
            Utf8Text.Digits(callId.Slice(18, 3), inSecond % 1000);

            var category = Category(call, ref content);
            var options = Descriptions[category];
            var escalated = content.Chance(call.Impacted || call.Timeout ? 0.3 : 0.08);
            var minutes = escalated ? content.IntInclusive(30, 480) : content.IntInclusive(4, 90);

            csv.Text((ReadOnlySpan<byte>)callId);
            csv.TimestampSeconds(call.CallTicks);
            csv.Text(CustomerText(call.Customer));
            csv.Text(V.Regions[call.Region]);
            csv.Text(category);
            csv.Text(options[content.NextInt(options.Length)]);
            csv.Text(V.ServiceTypes[call.Type]);
            csv.Text(emitted);
            csv.WholeNumber(minutes);
            csv.Flag(escalated);
            csv.Text(escalated ? "escalated_tier2" : ResolutionCodes[content.NextInt(ResolutionCodes.Length)]);
            csv.EndRow();

            details.Add(new TsoCallDetail
            {
                CallId = System.Text.Encoding.ASCII.GetString(callId),
                TrueTransactionId = trueId,
                EmittedTransactionId = emitted,
                NoiseType = type,
                DelayMinutes = Math.Round((call.CallTicks - call.EndTicks) / (double)TimeSpan.TicksPerMinute, 3),
            });
        }

        return new TsoNoise
        {
            TotalCalls = n,
            NoiseCounts = counts,
            NoiseRates = counts.ToDictionary(kv => kv.Key, kv => n == 0 ? 0 : Math.Round((double)kv.Value / n, 6)),
            CallDetails = details,
        };
    }

    /// <summary>Exact defect counts, placed at uniformly drawn positions (a partial Fisher-Yates shuffle).</summary>
    private string[] PlanNoise(int n)
    {
        var types = Enumerable.Repeat(TsoNoiseType.Clean, n).ToArray();
        var missing = (int)Math.Round(n * ModelParameters.TsoMissingRate);
        var fabricated = (int)Math.Round((n - missing) * ModelParameters.TsoFabricatedRate);
        var wrong = (int)Math.Round((n - missing - fabricated) * ModelParameters.TsoWrongLinkRate);
        var positions = Enumerable.Range(0, n).ToArray();
        var prng = Prng.Create(seed, StreamId.TsoNoise, 0);
        var picked = missing + fabricated + wrong;
        for (var i = 0; i < picked; i++)
        {
            var j = i + prng.NextInt(n - i);
            (positions[i], positions[j]) = (positions[j], positions[i]);
            types[positions[i]] = i < missing ? TsoNoiseType.Missing
                : i < missing + fabricated ? TsoNoiseType.Fabricated
                : TsoNoiseType.WrongCustomer;
        }

        return types;
    }

    private static string Category(TsoCandidate call, ref Prng prng)
    {
        if (call.Impacted || (call.Region == ModelParameters.CentralRegion && ModelParameters.IsAffectedType(call.Type)))
        {
            return call.Timeout ? "provisioning_failure" : "provisioning_delay";
        }

        return call.Timeout ? "service_error" : GeneralCategories[prng.NextInt(GeneralCategories.Length)];
    }

    private static string CustomerText(int customer) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"CUST-{customer:00000000}");
}
