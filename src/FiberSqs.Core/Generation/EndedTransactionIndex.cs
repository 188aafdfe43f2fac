using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>
/// For each region and minute, the first transaction that ended in it: the pool a wrong-link TSO id is drawn
/// from (a same-region transaction of another customer that ended 20-80 minutes before the call, else 0-120).
/// Filled from the shards in order, keeping the lowest sequence, so it is the same at any thread count.
/// </summary>
internal sealed class EndedTransactionIndex
{
    private readonly Dictionary<int, EndedTransaction> _byKey = [];

    public void Merge(Dictionary<int, EndedTransaction> shard)
    {
        foreach (var (key, value) in shard)
        {
            if (!_byKey.TryGetValue(key, out var existing) || value.Seq < existing.Seq)
            {
                _byKey[key] = value;
            }
        }
    }

    public EndedTransaction? FindOther(TsoCandidate call, ref Prng prng)
    {
        var callMinute = (int)((call.CallTicks - Scenario.WindowStart.Ticks) / TimeSpan.TicksPerMinute);
        var preferred = callMinute - prng.IntInclusive(20, 80);
        if (Usable(call, preferred) is { } hit)
        {
            return hit;
        }

        for (var m = callMinute - 120; m <= callMinute; m++)
        {
            if (Usable(call, m) is { } fallback)
            {
                return fallback;
            }
        }

        return null;
    }

    private EndedTransaction? Usable(TsoCandidate call, int minute)
    {
        if (minute < 0 || !_byKey.TryGetValue(call.Region * 1_000_000 + minute, out var t))
        {
            return null;
        }

        return t.Customer != call.Customer && t.Seq != call.Seq && t.EndTicks <= call.CallTicks ? t : null;
    }
}
