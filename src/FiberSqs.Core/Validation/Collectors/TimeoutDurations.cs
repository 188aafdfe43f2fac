namespace FiberSqs.Core.Validation.Collectors;

/// <summary>
/// Final rows against the timeouts of the answer key: a timeout lasts at least its timeout (DEP_TIMEOUT: its last
/// dependency call at least the dependency timeout; ORCH_TIMEOUT: the transaction at least the orchestration
/// timeout), and no completed transaction outlasts the timeout that would have stopped it (an answered dependency call
/// under the dependency timeout, a local transaction under the orchestration timeout).
/// </summary>
internal struct TimeoutDurations
{
    public long DependencyTimeouts;
    public long OrchestrationTimeouts;
    public long ShortTimeouts;
    public long CompletedOverTimeout;
    public long FirstShort;
    public long FirstOver;
    public double ShortestDependencyTimeoutMs;
    public double ShortestOrchestrationTimeoutMs;

    public void Timeout(long transaction, bool dependency, double endToEndMs, double dependencyMs, double orchestrationLimit, double dependencyLimit)
    {
        if (dependency)
        {
            DependencyTimeouts++;
            ShortestDependencyTimeoutMs = DependencyTimeouts == 1 ? dependencyMs : Math.Min(ShortestDependencyTimeoutMs, dependencyMs);
            Short(transaction, !(dependencyMs >= dependencyLimit && endToEndMs >= dependencyLimit));
        }
        else
        {
            OrchestrationTimeouts++;
            ShortestOrchestrationTimeoutMs = OrchestrationTimeouts == 1 ? endToEndMs : Math.Min(ShortestOrchestrationTimeoutMs, endToEndMs);
            Short(transaction, !(endToEndMs >= orchestrationLimit));
        }
    }

    public void Completed(long transaction, bool crossRegion, double endToEndMs, double dependencyMs, double orchestrationLimit, double dependencyLimit)
    {
        var over = crossRegion ? dependencyMs >= dependencyLimit : endToEndMs >= orchestrationLimit;
        if (over)
        {
            CompletedOverTimeout++;
            FirstOver = FirstOver == 0 ? transaction : FirstOver;
        }
    }

    private void Short(long transaction, bool isShort)
    {
        if (isShort)
        {
            ShortTimeouts++;
            FirstShort = FirstShort == 0 ? transaction : FirstShort;
        }
    }

    public void Add(TimeoutDurations o)
    {
        ShortestDependencyTimeoutMs = DependencyTimeouts == 0 ? o.ShortestDependencyTimeoutMs
            : o.DependencyTimeouts == 0 ? ShortestDependencyTimeoutMs : Math.Min(ShortestDependencyTimeoutMs, o.ShortestDependencyTimeoutMs);
        ShortestOrchestrationTimeoutMs = OrchestrationTimeouts == 0 ? o.ShortestOrchestrationTimeoutMs
            : o.OrchestrationTimeouts == 0 ? ShortestOrchestrationTimeoutMs : Math.Min(ShortestOrchestrationTimeoutMs, o.ShortestOrchestrationTimeoutMs);
        DependencyTimeouts += o.DependencyTimeouts;
        OrchestrationTimeouts += o.OrchestrationTimeouts;
        ShortTimeouts += o.ShortTimeouts;
        CompletedOverTimeout += o.CompletedOverTimeout;
        FirstShort = FirstShort == 0 ? o.FirstShort : FirstShort;
        FirstOver = FirstOver == 0 ? o.FirstOver : FirstOver;
    }
}
