using FiberSqs.Core.Generation;
using FiberSqs.Core.Model;
using V = FiberSqs.Core.Generation.Vocabulary;

namespace FiberSqs.Core.Tables;

/// <summary>
/// tso_calls: the support calls of the whole run, in call-time order, with their transaction-id defects, in the
/// original's vocabulary. The call follows what the customer lived (docs/data-contract.md): a timeout is a
/// <c>timeout</c> or <c>failure</c> call, a slow transaction a <c>slow_provisioning</c> one; escalation, resolution
/// and its time follow the same experience. Defect counts are exact (missing 2.7% of calls, fabricated 0.15% of
/// non-empty ids, wrong link 0.5% of joined calls, rounded) and their positions drawn uniformly over the run, so no
/// stretch of calls is front-loaded.
/// </summary>
internal sealed class TsoCallTableWriter(CsvRowWriter csv, long seed)
{
    // The original's issue notes, grouped by the category they describe.
    private static readonly string[] SlowNotes =
        ["customer experiencing slow provisioning", "reported stalled order", "TSO call referencing long queue", "tso triage indicates regional delay"];
    private static readonly string[] TimeoutNotes = ["customer claims service stuck", "reported stalled order", "tso triage indicates regional delay"];
    private static readonly string[] ModifyTimeoutNotes = ["timeout observed during modify", "customer claims service stuck", "reported stalled order"];
    private static readonly string[] FailureNotes = ["customer claims service stuck", "reported stalled order"];

    private static readonly int ModifyType = Scenario.TypeIndex("modify_service_profile");

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
                    emitted = $"FAKE-TX-{new DateTime(call.CallTicks, DateTimeKind.Utc):yyyyMMddHHmmss}-{1000 + linkPrng.NextInt(9000)}";
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

            var (category, notes) = Category(call, ref content);
            var escalated = content.Chance(call.Experience switch
            {
                CallExperience.Failed => 0.35,
                CallExperience.Slow => 0.12,
                _ => 0.03,
            });
            var minutes = escalated ? content.IntInclusive(60, 180) : content.IntInclusive(10, 90);

            csv.Text((ReadOnlySpan<byte>)callId);
            csv.TimestampSeconds(call.CallTicks);
            csv.Text(CustomerText(call.Customer));
            csv.Text(V.Regions[call.Region]);
            csv.Text(category);
            csv.Text(notes[content.NextInt(notes.Length)]);
            csv.Text(V.ServiceTypes[call.Type]);
            csv.Text(emitted);
            csv.WholeNumber(minutes);
            csv.Flag(escalated);
            csv.Text(Resolution(call.Experience, escalated, ref content));
            csv.EndRow();

            details.Add(new TsoCallDetail
            {
                CallId = System.Text.Encoding.ASCII.GetString(callId),
                TrueTransactionId = trueId,
                EmittedTransactionId = emitted,
                NoiseType = type,
                // Whole minutes, as the original: the delay is at least five.
                DelayMinutes = (call.CallTicks - call.EndTicks) / TimeSpan.TicksPerMinute,
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

    /// <summary>A timeout is reported as a timeout or a failure, a slow transaction as slow provisioning; the rare
    /// call about a fine transaction is a vague complaint of either kind.</summary>
    private static (string Category, string[] Notes) Category(TsoCandidate call, ref Prng prng)
    {
        var u = prng.NextDouble();
        return call.Experience switch
        {
            CallExperience.Failed when u < 0.65 => ("timeout", call.Type == ModifyType ? ModifyTimeoutNotes : TimeoutNotes),
            CallExperience.Failed => ("failure", FailureNotes),
            CallExperience.Slow => ("slow_provisioning", SlowNotes),
            _ when u < 0.6 => ("slow_provisioning", SlowNotes),
            _ => ("failure", FailureNotes),
        };
    }

    private static string Resolution(CallExperience experience, bool escalated, ref Prng prng)
    {
        var u = prng.NextDouble();
        if (escalated)
        {
            return u < 0.7 ? "manual_intervention" : "customer_callback";
        }

        return experience == CallExperience.Failed
            ? u < 0.4 ? "system_resolved" : u < 0.75 ? "manual_intervention" : "customer_callback"
            : u < 0.6 ? "system_resolved" : u < 0.85 ? "customer_callback" : "manual_intervention";
    }

    private static string CustomerText(int customer) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"CUST-{customer:00000000}");
}
