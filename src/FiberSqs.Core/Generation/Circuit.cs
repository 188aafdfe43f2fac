using FiberSqs.Core.Model;

namespace FiberSqs.Core.Generation;

/// <summary>One network circuit and its baseline figures; <paramref name="Index"/> is its place in <see cref="CircuitInventory.All"/>.</summary>
internal sealed record Circuit(int Index, string Id, int Source, int Destination, double BaseRttMs, double BaseLossPct,
    double BaseRetransmitsPerS, double BaseThroughputMbps, bool IsPrimary)
{
    internal byte[] IdUtf8 { get; } = Utf8Text.Bytes(Id);
}
