using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Tests.Validation;

public sealed class TwoAtOnceTests
{
    private sealed class Resource : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    [Fact]
    public void BothResultsComeBackAndBothSidesRanAtOnce()
    {
        // Each side waits for the other to have started: this only returns when they run at the same time.
        using var started = new CountdownEvent(2);
        var (a, b) = TwoAtOnce.Run(() => { started.Signal(); return started.Wait(10_000) ? 1 : -1; },
            () => { started.Signal(); return started.Wait(10_000) ? "b" : "timed out"; }, CancellationToken.None);
        Assert.Equal(1, a);
        Assert.Equal("b", b);
    }

    [Fact]
    public void WhenThisThreadsSideFailsTheOthersResultIsDisposedAndTheFailureThrownAsItWas()
    {
        var other = new Resource();
        var e = Assert.Throws<InvalidDataException>(() =>
            TwoAtOnce.Run<Resource, Resource>(() => other, () => throw new InvalidDataException("b failed"), CancellationToken.None));
        Assert.Equal("b failed", e.Message);
        Assert.True(other.Disposed);
    }

    [Fact]
    public void WhenThePoolSideFailsThisThreadsResultIsDisposedAndTheFailureThrownAsItWas()
    {
        var mine = new Resource();
        var e = Assert.Throws<IOException>(() =>
            TwoAtOnce.Run<Resource, Resource>(() => throw new IOException("a failed"), () => mine, CancellationToken.None));
        Assert.Equal("a failed", e.Message);
        Assert.True(mine.Disposed);
    }

    [Fact]
    public void WhenBothFailThisThreadsFailureIsThrown()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TwoAtOnce.Run<int, int>(
            () => throw new IOException("a"), () => throw new InvalidOperationException("b"), CancellationToken.None));
        Assert.Equal("b", e.Message);
    }

    [Fact]
    public void ACancelledRunThrowsCancellationAndDisposesWhatWasBuilt()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var mine = new Resource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            TwoAtOnce.Run(() => new Resource(), () => mine, cancel.Token));
        Assert.True(mine.Disposed);
    }
}
