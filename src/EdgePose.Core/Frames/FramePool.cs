namespace EdgePose.Core.Frames;

/// <summary>
/// A small fixed set of <see cref="Frame"/>s, rented by a source and returned by the last stage that reads them.
/// Renting never allocates once the pool is warm: frames keep their buffers. When every frame is out,
/// <see cref="TryRent"/> says so and the source drops or waits: the pool bounds the memory in flight. Thread-safe.
/// </summary>
public sealed class FramePool
{
    private readonly Frame[] _free;
    private readonly Lock _lock = new();
    private int _freeCount;

    /// <param name="size">Frames in the pool (frames in flight at most).</param>
    /// <param name="capacityBytes">Host bytes each frame holds from the start (e.g. 1920×1080×3); frames grow if a larger one comes.</param>
    public FramePool(int size, int capacityBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        Size = size;
        _free = new Frame[size];
        for (int i = 0; i < size; i++)
        {
            _free[i] = new Frame(this, capacityBytes);
        }

        _freeCount = size;
    }

    public int Size { get; }

    /// <summary>Frames not rented now.</summary>
    public int Available
    {
        get
        {
            lock (_lock)
            {
                return _freeCount;
            }
        }
    }

    /// <summary>A free frame, or false when all are in flight.</summary>
    public bool TryRent(out Frame frame)
    {
        lock (_lock)
        {
            if (_freeCount == 0)
            {
                frame = null!;
                return false;
            }

            frame = _free[--_freeCount];
            _free[_freeCount] = null!;
            return true;
        }
    }

    /// <summary>Takes a frame back; returning one twice, or one of another pool, throws.</summary>
    public void Return(Frame frame)
    {
        lock (_lock)
        {
            if (_freeCount == Size || Array.IndexOf(_free, frame, 0, _freeCount) >= 0)
            {
                throw new InvalidOperationException("frame returned twice");
            }

            _free[_freeCount++] = frame;
        }
    }
}
