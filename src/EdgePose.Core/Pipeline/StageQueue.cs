using System.Threading.Channels;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// The bounded channel between two stages. A writer chooses per item what a full queue means: live frames
/// push out the oldest item (handed to the drop callback, which returns it to its pool and counts it), file
/// frames wait for room. An optional <see cref="ReadySignal"/> is set after every write and at completion,
/// so one consumer can wait on many queues. A writer on a thread that may block (a file source's reader) waits for
/// room on an event that <see cref="TryRead"/>, <see cref="DropAll"/> and <see cref="Complete"/> set, so a wait
/// allocates nothing: a file source is ahead of the pipeline and waits for nearly every frame.
/// </summary>
public sealed class StageQueue<T> : IDisposable
    where T : class
{
    private readonly Channel<T> _channel;
    private readonly Action<T> _dropped;
    private readonly ReadySignal? _signal;
    private readonly ManualResetEventSlim _room = new(false);
    private bool _completed;
    private bool _writerWaiting;

    /// <param name="capacity">Items the queue holds.</param>
    /// <param name="dropped">Receives each item pushed out by <see cref="WriteDroppingOldest"/> (and counts it).</param>
    /// <param name="signal">Set after each write and at completion; null for none.</param>
    public StageQueue(int capacity, Action<T> dropped, ReadySignal? signal = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _dropped = dropped;
        _signal = signal;
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false, // a writer dropping the oldest reads too
            SingleWriter = true,
            AllowSynchronousContinuations = false,
        });
    }

    public int Capacity { get; }

    public ChannelReader<T> Reader => _channel.Reader;

    /// <summary>Items waiting now.</summary>
    public int Count => _channel.Reader.Count;

    /// <summary>True once the writer completed the queue and every item was read.</summary>
    public bool IsDone => _channel.Reader.Completion.IsCompleted;

    /// <summary>Writes <paramref name="item"/>, pushing out the oldest items while the queue is full; returns how many were dropped.</summary>
    public int WriteDroppingOldest(T item) =>
        TryWriteDroppingOldest(item, out int dropped) ? dropped : throw new InvalidOperationException("write to a completed stage queue");

    /// <summary>As <see cref="WriteDroppingOldest"/>, but false (nothing written) when the queue is completed.</summary>
    public bool TryWriteDroppingOldest(T item) => TryWriteDroppingOldest(item, out _);

    private bool TryWriteDroppingOldest(T item, out int dropped)
    {
        dropped = 0;
        while (!_channel.Writer.TryWrite(item))
        {
            if (Volatile.Read(ref _completed))
            {
                return false;
            }

            if (_channel.Reader.TryRead(out var oldest))
            {
                _dropped(oldest);
                dropped++;
            }
        }

        _signal?.Set();
        return true;
    }

    /// <summary>Writes <paramref name="item"/>, waiting for room.</summary>
    public async ValueTask WriteAsync(T item, CancellationToken cancellationToken)
    {
        await _channel.Writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
        _signal?.Set();
    }

    /// <summary>Writes <paramref name="item"/>, waiting for room; false when the queue was completed (nothing written).</summary>
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> TryWriteAsync(T item)
    {
        while (!_channel.Writer.TryWrite(item))
        {
            if (!await _channel.Writer.WaitToWriteAsync().ConfigureAwait(false))
            {
                return false;
            }
        }

        _signal?.Set();
        return true;
    }

    /// <summary>
    /// Writes <paramref name="item"/> from a thread that may block (a source's reader thread), waiting for room at
    /// most <paramref name="timeout"/>; false when there was none by then, or the queue was completed. The room it
    /// waits for is made by <see cref="TryRead"/> and <see cref="DropAll"/> (the only reads of a source's queue);
    /// waiting allocates nothing. Throws <see cref="OperationCanceledException"/> when cancelled while waiting.
    /// </summary>
    public bool Write(T item, TimeSpan timeout, CancellationToken cancellationToken)
    {
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (!_channel.Writer.TryWrite(item))
        {
            long left = deadline - Environment.TickCount64;
            if (left <= 0 || Volatile.Read(ref _completed))
            {
                return false;
            }

            // Announce the wait, then look once more: a read between the failed write and the announcement has made
            // room already, and a read after it sees the announcement and sets the event.
            _room.Reset();
            Volatile.Write(ref _writerWaiting, true);
            try
            {
                if (_channel.Writer.TryWrite(item))
                {
                    break;
                }

                _room.Wait(TimeSpan.FromMilliseconds(left), cancellationToken);
            }
            finally
            {
                Volatile.Write(ref _writerWaiting, false);
            }
        }

        _signal?.Set();
        return true;
    }

    public bool TryRead(out T item)
    {
        if (!_channel.Reader.TryRead(out item!))
        {
            return false;
        }

        WakeWriter();
        return true;
    }

    private void WakeWriter()
    {
        if (Volatile.Read(ref _writerWaiting))
        {
            _room.Set();
        }
    }

    /// <summary>No more writes; readers drain what is left.</summary>
    public void Complete()
    {
        Volatile.Write(ref _completed, true);
        _channel.Writer.TryComplete();
        _room.Set();
        _signal?.Set();
    }

    /// <summary>Hands every item still queued to the drop callback (at a forced stop).</summary>
    public int DropAll()
    {
        int n = 0;
        while (_channel.Reader.TryRead(out var item))
        {
            _dropped(item);
            n++;
        }

        WakeWriter();
        return n;
    }

    /// <summary>Frees the room event; the queue's items belong to whoever reads or drops them.</summary>
    public void Dispose() => _room.Dispose();
}
