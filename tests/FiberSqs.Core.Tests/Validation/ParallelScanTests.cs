using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Validation;

public sealed class ParallelScanTests
{
    [Fact]
    public void WorkersStoppedByACancellationMidwayReportOneCancellation()
    {
        // The token is cancelled while the loop runs, so the workers' own checks throw and the loop aggregates them.
        using var cancel = new CancellationTokenSource();
        var e = Assert.ThrowsAny<OperationCanceledException>(() => ParallelScan.Run(() => Parallel.For(0, 1000, i =>
        {
            if (i == 10)
            {
                cancel.Cancel();
            }

            Thread.Sleep(1);
            cancel.Token.ThrowIfCancellationRequested();
        }), cancel.Token));
        Assert.IsType<AggregateException>(e.InnerException);
        Assert.Equal(cancel.Token, e.CancellationToken);
    }

    [Fact]
    public void AnyOtherFailureStaysAsTheLoopThrewIt()
    {
        var e = Assert.Throws<AggregateException>(() => ParallelScan.Run(
            () => throw new AggregateException(new OperationCanceledException(), new IOException("disk")), CancellationToken.None));
        Assert.Contains(e.InnerExceptions, x => x is IOException);
    }

    [Fact]
    public void ALoopThatEndsReturns()
    {
        var ran = 0;
        ParallelScan.Run(() => Parallel.For(0, 100, _ => Interlocked.Increment(ref ran)), CancellationToken.None);
        Assert.Equal(100, ran);
    }
}
