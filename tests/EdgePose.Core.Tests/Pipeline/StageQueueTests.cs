using EdgePose.Core.Pipeline;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Pipeline;

public sealed class StageQueueTests
{
    [Fact]
    public void Writing_live_items_to_a_full_queue_drops_the_oldest()
    {
        var dropped = new List<string>();
        using var queue = new StageQueue<string>(2, dropped.Add);

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
        using var queue = new StageQueue<string>(1, _ => Assert.Fail("nothing may be dropped"));
        Assert.True(queue.Write("a", TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.False(queue.Write("b", TimeSpan.FromMilliseconds(50), CancellationToken.None));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task A_blocking_write_waits_for_a_read_to_make_room()
    {
        using var queue = new StageQueue<string>(1, _ => Assert.Fail("nothing may be dropped"));
        queue.Write("a", TimeSpan.FromSeconds(1), CancellationToken.None);

        var write = Task.Run(() => queue.Write("b", TimeSpan.FromSeconds(30), CancellationToken.None));
        await Task.Delay(100);
        Assert.False(write.IsCompleted, "the write did not wait for room");
        Assert.True(queue.TryRead(out var first));

        Assert.True(await write.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("a", first);
        Assert.True(queue.TryRead(out var second));
        Assert.Equal("b", second);
    }

    [Fact]
    public async Task A_blocking_write_ends_false_when_the_queue_is_completed_meanwhile()
    {
        using var queue = new StageQueue<string>(1, _ => { });
        queue.Write("a", TimeSpan.FromSeconds(1), CancellationToken.None);

        var write = Task.Run(() => queue.Write("b", TimeSpan.FromSeconds(30), CancellationToken.None));
        await Task.Delay(100);
        queue.Complete();

        Assert.False(await write.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_blocking_write_is_cancelled_while_it_waits()
    {
        using var queue = new StageQueue<string>(1, _ => { });
        using var stop = new CancellationTokenSource();
        queue.Write("a", TimeSpan.FromSeconds(1), CancellationToken.None);

        var write = Task.Run(() => queue.Write("b", TimeSpan.FromSeconds(30), stop.Token));
        await Task.Delay(100);
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Blocking_writes_that_wait_for_room_allocate_nothing()
    {
        // A file source is ahead of the pipeline: nearly every frame waits for the reader to take one.
        using var queue = new StageQueue<string>(1, _ => Assert.Fail("nothing may be dropped"));
        using var done = new CancellationTokenSource();
        var reader = new Thread(() =>
        {
            while (!done.IsCancellationRequested)
            {
                Thread.Sleep(1);
                queue.TryRead(out _);
            }
        });
        reader.Start();
        try
        {
            int waited = 0;
            void Writes()
            {
                for (int i = 0; i < 20; i++)
                {
                    waited += queue.Count == 1 ? 1 : 0;
                    Assert.True(queue.Write("frame", TimeSpan.FromSeconds(10), CancellationToken.None));
                }
            }

            Writes();
            Assert.Equal(0, SteadyAllocation.Least(Writes));
            Assert.True(waited > 50, $"only {waited} of 120 writes found the queue full");
        }
        finally
        {
            done.Cancel();
            reader.Join();
        }
    }

    [Fact]
    public async Task A_completed_queue_is_done_once_drained_and_sets_its_signal()
    {
        using var signal = new ReadySignal();
        using var queue = new StageQueue<string>(4, _ => { }, signal);
        await queue.WriteAsync("x", CancellationToken.None);
        queue.Complete();

        Assert.False(queue.IsDone);
        Assert.True(queue.TryRead(out _));
        await queue.Reader.Completion;
        Assert.True(queue.IsDone);
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }
}
