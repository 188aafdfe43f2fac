namespace FiberSqs.Core.Generation;

/// <summary>What every shard shares, read-only: options, bursts, circuits, hosts, planned network events, arrivals, samplers.</summary>
internal sealed class GenerationContext
{
    public GenerationContext(DatasetOptions options)
    {
        Options = options;
        Bursts = BurstSchedule.Create(options.Seed);
        Circuits = CircuitInventory.Create(options.Seed);
        Hosts = HostFleet.Create(options.Seed);
        Events = NetworkEventPlan.Create(options.Seed, Circuits);
        Plan = ArrivalPlan.Create(options.Seed, options.AppLogRowTarget, Bursts);
        Sampler = new TransactionSampler(Bursts, Circuits, Hosts);
        Ids = new TransactionIds(options.Seed);
    }

    public DatasetOptions Options { get; }
    public BurstSchedule Bursts { get; }
    public CircuitInventory Circuits { get; }
    public HostFleet Hosts { get; }
    public NetworkEventPlan Events { get; }
    public ArrivalPlan Plan { get; }
    public TransactionSampler Sampler { get; }
    public TransactionIds Ids { get; }
}
