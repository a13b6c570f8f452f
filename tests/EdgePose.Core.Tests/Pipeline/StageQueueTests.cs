using EdgePose.Core.Pipeline;

namespace EdgePose.Core.Tests.Pipeline;

public sealed class StageQueueTests
{
    [Fact]
    public void Writing_live_items_to_a_full_queue_drops_the_oldest()
    {
        var dropped = new List<string>();
        var queue = new StageQueue<string>(2, dropped.Add);

        queue.WriteDroppingOldest("a");
        queue.WriteDroppingOldest("b");
        int n = queue.WriteDroppingOldest("c");

        Assert.Equal(1, n);
        Assert.Equal(["a"], dropped);
        Assert.True(queue.TryRead(out var first));
        Assert.Equal("b", first);
    }

    [Fact]
    public void A_blocking_write_to_a_full_queue_times_out_without_losing_items()
    {
        var queue = new StageQueue<string>(1, _ => Assert.Fail("nothing may be dropped"));
        Assert.True(queue.Write("a", TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.False(queue.Write("b", TimeSpan.FromMilliseconds(50), CancellationToken.None));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task A_completed_queue_is_done_once_drained_and_sets_its_signal()
    {
        using var signal = new ReadySignal();
        var queue = new StageQueue<string>(4, _ => { }, signal);
        await queue.WriteAsync("x", CancellationToken.None);
        queue.Complete();

        Assert.False(queue.IsDone);
        Assert.True(queue.TryRead(out _));
        await queue.Reader.Completion;
        Assert.True(queue.IsDone);
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }
}
