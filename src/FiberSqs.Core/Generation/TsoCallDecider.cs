namespace FiberSqs.Core.Generation;

/// <summary>
/// Whether a customer calls support about a transaction. Each class has the original's probability (0.12 for a
/// burst-impacted central provision/modify, 0.04 for the other central provision/modify, 0.05 in a confounder, 0.03
/// for other timeouts, 0.01 otherwise), but calls follow experience: of the calls the lottery gives a fine
/// transaction only <see cref="ModelParameters.TsoFineKept"/> are made, and each one not made is owed to the next
/// slow or failed transaction of the class in the same hour. A class keeps its call volume; calls about fast, clean
/// transactions are rare. One instance per shard, so the owed calls never cross shards (threads).
/// </summary>
internal sealed class TsoCallDecider(Story story)
{
    private const int Classes = 5;
    private static readonly double[] Probability =
    [
        ModelParameters.TsoImpacted, ModelParameters.TsoAffectedOther, ModelParameters.TsoConfounder,
        ModelParameters.TsoTimeout, ModelParameters.TsoOther,
    ];

    private readonly int[] _owed = new int[Classes];

    public CallExperience Experience(Transaction tx) =>
        tx.IsTimeout ? CallExperience.Failed
        : tx.Outcome == Outcome.RetryLater || tx.Retried || tx.EndToEndMs >= story.SlowThresholdMs(tx.Type, tx.CrossRegion)
            ? CallExperience.Slow
            : CallExperience.Fine;

    /// <summary>True when the customer calls; draws exactly two numbers whatever the answer.</summary>
    public bool Calls(Transaction tx, CallExperience experience, ref Prng prng)
    {
        var c = Class(tx);
        var drawn = prng.NextDouble() < Probability[c];
        var kept = prng.NextDouble() < ModelParameters.TsoFineKept;
        if (experience == CallExperience.Fine)
        {
            if (drawn && !kept)
            {
                _owed[c]++;
            }

            return drawn && kept;
        }

        if (drawn)
        {
            return true;
        }

        if (_owed[c] > 0)
        {
            _owed[c]--;
            return true;
        }

        return false;
    }

    private int Class(Transaction tx) =>
        tx.BurstImpacted ? 0
        : tx.Region == story.SourceRegion && story.IsAffectedType(tx.Type) ? 1
        : tx.Confounder ? 2
        : tx.IsTimeout ? 3
        : 4;
}
