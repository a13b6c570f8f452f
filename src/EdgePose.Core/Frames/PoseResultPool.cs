namespace EdgePose.Core.Frames;

/// <summary>
/// A small fixed set of <see cref="PoseResult"/>s, each with room for the predictor's maximum detections. Rent and
/// return never allocate; when all are out, <see cref="TryRent"/> says so. Thread-safe.
/// </summary>
public sealed class PoseResultPool
{
    private readonly PoseResult[] _free;
    private readonly Lock _lock = new();
    private int _freeCount;

    public PoseResultPool(int size, int maxDetections, int keypointCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        _free = new PoseResult[size];
        for (int i = 0; i < size; i++)
        {
            _free[i] = new PoseResult(this, maxDetections, keypointCount);
        }

        _freeCount = size;
    }

    public int Size { get; }

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

    public bool TryRent(out PoseResult result)
    {
        lock (_lock)
        {
            if (_freeCount == 0)
            {
                result = null!;
                return false;
            }

            result = _free[--_freeCount];
            _free[_freeCount] = null!;
            return true;
        }
    }

    /// <summary>Takes a result back; returning one twice throws.</summary>
    public void Return(PoseResult result)
    {
        lock (_lock)
        {
            if (_freeCount == Size || Array.IndexOf(_free, result, 0, _freeCount) >= 0)
            {
                throw new InvalidOperationException("pose result returned twice");
            }

            _free[_freeCount++] = result;
        }
    }
}
