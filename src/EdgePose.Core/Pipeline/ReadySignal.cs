using System.Threading.Tasks.Sources;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// An auto-reset signal one consumer awaits, with a timeout, and any number of producers set: "some queue has
/// something". A set with nobody waiting is remembered once. Waiting allocates nothing (the awaitable is this
/// object, reused), so a stage can wait on many queues at once frame after frame. One waiter at a time.
/// </summary>
public sealed class ReadySignal : IValueTaskSource<bool>, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Timer _timer;
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _registration;
    private CancellationToken _token;
    private bool _set;
    private bool _waiting;

    public ReadySignal()
    {
        _timer = new Timer(static s => ((ReadySignal)s!).Finish(false), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Wakes the waiter, or the next wait when nobody waits now.</summary>
    public void Set()
    {
        lock (_lock)
        {
            if (!_waiting)
            {
                _set = true;
                return;
            }
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

    /// <summary>Ends the current wait: true (set), false (timed out) or null (cancelled).</summary>
    private void Finish(bool? result)
    {
        lock (_lock)
        {
            if (!_waiting)
            {
                return;
            }

            _waiting = false;
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            _registration.Unregister();
            if (result is { } r)
            {
                _core.SetResult(r);
            }
            else
            {
                _core.SetException(new OperationCanceledException(_token));
            }
        }
    }
}
