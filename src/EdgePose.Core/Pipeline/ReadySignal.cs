using System.Threading.Tasks.Sources;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// An auto-reset signal one consumer awaits, with a timeout, and any number of producers set: "some queue has
/// something". A set with nobody waiting is remembered once. Waiting allocates nothing (the awaitable is this
/// object, reused), so a stage can wait on many queues at once frame after frame. One waiter at a time.
/// </summary>
public sealed class ReadySignal : IValueTaskSource<bool>, IThreadPoolWorkItem, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private ManualResetValueTaskSourceCore<bool> _core; // continuations run where the wait ends: a pool thread, never a producer's
    private CancellationTokenRegistration _registration;
    private CancellationToken _token;
    private bool _set;
    private bool _waiting;
    private bool _wakeQueued;

    public ReadySignal()
    {
        _timer = new Timer(static s => ((ReadySignal)s!).Finish(false), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>
    /// Wakes the waiter, or the next wait when nobody waits now. The waiter resumes on the thread pool (this object
    /// is the work item: nothing is allocated), never on the producer's thread.
    /// </summary>
    public void Set()
    {
        lock (_lock)
        {
            if (!_waiting)
            {
                _set = true;
                return;
            }

            if (_wakeQueued)
            {
                return;
            }

            _wakeQueued = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute()
    {
        lock (_lock)
        {
            _wakeQueued = false;
        }

        Finish(true);
    }

    /// <summary>True once set (at once if it was set before); false after <paramref name="timeout"/> without a set.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public ValueTask<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_waiting)
            {
                throw new InvalidOperationException("a ReadySignal has one waiter at a time");
            }

            if (_set)
            {
                _set = false;
                return new ValueTask<bool>(true);
            }

            if (timeout == TimeSpan.Zero)
            {
                return new ValueTask<bool>(false);
            }

            _core.Reset();
            _waiting = true;
            _token = cancellationToken;
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                _timer.Change(timeout, Timeout.InfiniteTimeSpan);
            }

            if (cancellationToken.CanBeCanceled)
            {
                _registration = cancellationToken.UnsafeRegister(static s => ((ReadySignal)s!).Finish(null), this);
            }

            return new ValueTask<bool>(this, _core.Version);
        }
    }

    public void Dispose() => _timer.Dispose();

    bool IValueTaskSource<bool>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<bool>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<bool>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    /// <summary>
    /// Ends the current wait: true (set), false (timed out) or null (cancelled). The waiter's continuation runs here,
    /// outside the lock, so it may wait again at once.
    /// </summary>
    private void Finish(bool? result)
    {
        CancellationToken token;
        lock (_lock)
        {
            if (!_waiting)
            {
                if (result == true)
                {
                    _set = true; // a set that found the wait already over counts for the next one
                }

                return;
            }

            _waiting = false;
            token = _token;
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            _registration.Unregister();
        }

        if (result is { } r)
        {
            _core.SetResult(r);
        }
        else
        {
            _core.SetException(new OperationCanceledException(token));
        }
    }
}
