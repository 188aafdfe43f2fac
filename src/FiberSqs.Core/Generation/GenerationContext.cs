namespace FiberSqs.Core.Generation;

/// <summary>What every shard shares, read-only: options, bursts, circuits, hosts, planned network events, arrivals, samplers.</summary>
internal sealed class GenerationContext
{
    public GenerationContext(DatasetOptions options)
    {
        Options = options;
        Story = new Story(options.Scenario);
        Bursts = BurstSchedule.Create(options.Seed, Story);
        Circuits = CircuitInventory.Create(options.Seed, Story);
        Hosts = HostFleet.Create(options.Seed);
        Events = NetworkEventPlan.Create(options.Seed, Circuits, Story);
        Plan = ArrivalPlan.Create(options.Seed, options.AppLogRowTarget, Bursts, Story);
        Sampler = new TransactionSampler(Bursts, Circuits, Hosts, Story);
        Ids = new TransactionIds(options.Seed);
    }

    public DatasetOptions Options { get; }
    public Story Story { get; }
    public BurstSchedule Bursts { get; }
    public CircuitInventory Circuits { get; }
    public HostFleet Hosts { get; }
    public NetworkEventPlan Events { get; }
    public ArrivalPlan Plan { get; }
    public TransactionSampler Sampler { get; }
    public TransactionIds Ids { get; }
}
