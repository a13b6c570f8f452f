using EdgePose.Core.Events;

namespace EdgePose.Core.Tests.Events;

public sealed class EventOutboxTests
{
    private static byte[] Bytes(int n, byte tag) => Enumerable.Repeat(tag, n).ToArray();

    private static List<byte> Drain(EventOutbox box)
    {
        var tags = new List<byte>();
        while (box.TryPeek(out var m))
        {
            tags.Add(m.Payload[0]);
            Assert.True(box.RemoveIfHead(m.Id));
        }

        return tags;
    }

    [Fact]
    public void Messages_come_out_oldest_first_and_stay_until_removed()
    {
        var box = new EventOutbox(10, 1000);
        box.Enqueue("t", Bytes(5, 1));
        box.Enqueue("t", Bytes(5, 2));
        Assert.True(box.TryPeek(out var first));
        Assert.True(box.TryPeek(out var again));
        Assert.Equal(first, again);
        Assert.Equal((2, 10L), (box.Count, box.Bytes));
        Assert.Equal([1, 2], Drain(box));
        Assert.Equal((0, 0L), (box.Count, box.Bytes));
    }

    [Fact]
    public void Over_the_count_bound_the_oldest_are_dropped_and_counted()
    {
        var box = new EventOutbox(3, 1000);
        for (byte i = 1; i <= 7; i++)
        {
            box.Enqueue("t", Bytes(1, i));
        }

        Assert.Equal(4, box.Dropped);
        Assert.Equal([5, 6, 7], Drain(box));
    }

    [Fact]
    public void Over_the_byte_bound_the_oldest_are_dropped_until_the_new_one_fits()
    {
        var box = new EventOutbox(100, 10);
        box.Enqueue("t", Bytes(4, 1));
        box.Enqueue("t", Bytes(4, 2));
        Assert.Equal(2, box.Enqueue("t", Bytes(7, 3)));
        Assert.Equal(7, box.Bytes);
        Assert.Equal([3], Drain(box));
    }

    [Fact]
    public void A_message_larger_than_the_byte_bound_is_dropped_itself()
    {
        var box = new EventOutbox(100, 10);
        box.Enqueue("t", Bytes(4, 1));
        Assert.Equal(1, box.Enqueue("t", Bytes(11, 2)));
        Assert.Equal(1, box.Dropped);
        Assert.Equal([1], Drain(box));
    }

    [Fact]
    public void A_head_dropped_while_being_sent_is_not_removed_twice()
    {
        var box = new EventOutbox(1, 1000);
        box.Enqueue("t", Bytes(1, 1));
        Assert.True(box.TryPeek(out var sending));
        box.Enqueue("t", Bytes(1, 2)); // pushes out the message being sent
        Assert.False(box.RemoveIfHead(sending.Id));
        Assert.Equal([2], Drain(box));
    }

    [Fact]
    public void A_sender_with_messages_in_flight_peeks_past_them_in_order()
    {
        var box = new EventOutbox(10, 1000);
        for (byte i = 1; i <= 3; i++)
        {
            box.Enqueue("t", Bytes(1, i));
        }

        Assert.True(box.TryPeekAfter(0, out var a));
        Assert.True(box.TryPeekAfter(a.Id, out var b));
        Assert.True(box.TryPeekAfter(b.Id, out var c));
        Assert.False(box.TryPeekAfter(c.Id, out _));
        Assert.Equal([1, 2, 3], new[] { a, b, c }.Select(m => m.Payload[0]));
        Assert.Equal(3, box.Count);
    }
}
