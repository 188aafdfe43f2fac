namespace FiberSqs.Core.Generation;

/// <summary>The first transaction (lowest sequence) of a region that ended in a given minute: the pool that
/// wrong-link TSO ids are drawn from.</summary>
internal readonly record struct EndedTransaction(long Seq, long StartTicks, long EndTicks, int Customer);
