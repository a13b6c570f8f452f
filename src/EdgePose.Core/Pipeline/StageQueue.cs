using System.Threading.Channels;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// The bounded channel between two stages. A writer chooses per item what a full queue means: live frames
/// push out the oldest item (handed to the drop callback, which returns it to its pool and counts it), file
/// frames wait for room. An optional <see cref="ReadySignal"/> is set after every write and at completion,
/// so one consumer can wait on many queues.
/// </summary>
public sealed class StageQueue<T>
    where T : class
{
    private readonly Channel<T> _channel;
    private readonly Action<T> _dropped;
    private readonly ReadySignal? _signal;
    private bool _completed;

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
    /// most <paramref name="timeout"/>; false when there was none by then. Allocates only when it has to wait.
    /// </summary>
    public bool Write(T item, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!_channel.Writer.TryWrite(item))
        {
            var wait = _channel.Writer.WaitToWriteAsync(cancellationToken);
            if (!wait.IsCompleted && !wait.AsTask().Wait(timeout, cancellationToken))
            {
                return false;
            }

            if (!_channel.Writer.TryWrite(item))
            {
                return false;
            }
        }

        _signal?.Set();
        return true;
    }

    public bool TryRead(out T item) => _channel.Reader.TryRead(out item!);

    /// <summary>No more writes; readers drain what is left.</summary>
    public void Complete()
    {
        Volatile.Write(ref _completed, true);
        _channel.Writer.TryComplete();
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

        return n;
    }
}
