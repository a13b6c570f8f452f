using EdgePose.Core.Pipeline;

namespace EdgePose.Core.Tests.Pipeline;

public sealed class ReadySignalTests
{
    [Fact]
    public async Task A_set_before_the_wait_is_remembered_once()
    {
        using var signal = new ReadySignal();
        signal.Set();
        signal.Set();

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));
    }

    [Fact]
    public async Task A_set_from_another_thread_wakes_the_waiter()
    {
        using var signal = new ReadySignal();
        var wait = signal.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).AsTask();
        _ = Task.Run(async () =>
        {
            await Task.Delay(50);
            signal.Set();
        });

        Assert.True(await wait);
    }

    [Fact]
    public async Task A_wait_times_out_with_false()
    {
        using var signal = new ReadySignal();
        var started = DateTime.UtcNow;

        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(90));
    }

    [Fact]
    public async Task A_cancelled_wait_throws()
    {
        using var signal = new ReadySignal();
        using var cts = new CancellationTokenSource(50);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await signal.WaitAsync(Timeout.InfiniteTimeSpan, cts.Token));

        // The signal is usable again after a cancelled wait.
        signal.Set();
        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None));
    }
}
