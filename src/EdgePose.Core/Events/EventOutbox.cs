namespace EdgePose.Core.Events;

/// <summary>
/// The messages an output has accepted but not yet delivered (the broker unreachable, or slower than the events),
/// oldest first, bounded by count and by bytes. When a new message would exceed either bound the oldest are dropped
/// and counted; one larger than the byte bound alone is dropped itself. The sender peeks at the head, delivers it
/// and removes it only then (several may be in flight:
/// <see cref="TryPeekAfter"/>), so nothing is lost to a failed delivery and order is kept. Thread-safe: one writer
/// (the sink) and one sender.
/// </summary>
public sealed class EventOutbox
{
    private readonly Queue<OutboxMessage> _queue = new();
    private readonly Lock _lock = new();
    private long _bytes;
    private long _nextId = 1;
    private long _dropped;

    public EventOutbox(int maxCount, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        MaxCount = maxCount;
        MaxBytes = maxBytes;
    }

    public int MaxCount { get; }

    public long MaxBytes { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Payload bytes waiting.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>Messages dropped so far to stay within the bounds.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Appends a message (the outbox keeps <paramref name="payload"/>: pass a copy); returns how many were dropped for it.</summary>
    public int Enqueue(string topic, byte[] payload)
    {
        lock (_lock)
        {
            var message = new OutboxMessage(_nextId++, topic, payload);
            if (payload.Length > MaxBytes)
            {
                Interlocked.Increment(ref _dropped);
                return 1;
            }

            int dropped = 0;
            while (_queue.Count > 0 && (_queue.Count + 1 > MaxCount || _bytes + payload.Length > MaxBytes))
            {
                _bytes -= _queue.Dequeue().Payload.Length;
                dropped++;
            }

            _queue.Enqueue(message);
            _bytes += payload.Length;
            Interlocked.Add(ref _dropped, dropped);
            return dropped;
        }
    }

    /// <summary>The oldest message, left in the outbox; false when it is empty.</summary>
    public bool TryPeek(out OutboxMessage message)
    {
        lock (_lock)
        {
            return _queue.TryPeek(out message);
        }
    }

    /// <summary>
    /// The oldest message after the one numbered <paramref name="id"/> (0: the oldest of all), left in the outbox: what a
    /// sender with messages in flight sends next. False when there is none.
    /// </summary>
    public bool TryPeekAfter(long id, out OutboxMessage message)
    {
        lock (_lock)
        {
            foreach (var m in _queue)
            {
                if (m.Id > id)
                {
                    message = m;
                    return true;
                }
            }

            message = default;
            return false;
        }
    }

    /// <summary>Removes the oldest message if it is still <paramref name="id"/> (not dropped meanwhile); true when removed.</summary>
    public bool RemoveIfHead(long id)
    {
        lock (_lock)
        {
            if (_queue.TryPeek(out var head) && head.Id == id)
            {
                _queue.Dequeue();
                _bytes -= head.Payload.Length;
                return true;
            }

            return false;
        }
    }
}
