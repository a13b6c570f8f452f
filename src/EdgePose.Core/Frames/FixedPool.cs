namespace EdgePose.Core.Frames;

/// <summary>
/// A fixed set of reusable items, rented by one stage and returned by the last stage that reads them. Renting and
/// returning never allocate; when every item is out, <see cref="TryRent"/> says so and the caller drops or waits,
/// so the pool bounds what is in flight. Thread-safe. <see cref="FramePool"/> and <see cref="PoseResultPool"/>
/// fill it with their items.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore's wait handle is never taken, so it holds no native resource; pools live as long as their pipeline.")]
public abstract class FixedPool<T>
    where T : class
{
    private readonly T[] _free;
    private readonly Lock _lock = new();
    private readonly string _what;
    private readonly SemaphoreSlim _freeItems;
    private int _freeCount;

    /// <param name="size">Items in the pool (items in flight at most).</param>
    /// <param name="what">The item's name in the double-return error.</param>
    protected FixedPool(int size, string what)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        _what = what;
        _free = new T[size];
        _freeItems = new SemaphoreSlim(0, size);
    }

    public int Size { get; }

    /// <summary>Items not rented now.</summary>
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

    /// <summary>A free item, or false when all are in flight.</summary>
    public bool TryRent(out T item) => TryRent(TimeSpan.Zero, CancellationToken.None, out item);

    /// <summary>
    /// A free item, waiting up to <paramref name="timeout"/> for one to come back; false when none did.
    /// Waiting allocates nothing.
    /// </summary>
    public bool TryRent(TimeSpan timeout, CancellationToken cancellationToken, out T item)
    {
        if (!_freeItems.Wait(timeout, cancellationToken))
        {
            item = null!;
            return false;
        }

        lock (_lock)
        {
            item = _free[--_freeCount];
            _free[_freeCount] = null!;
            return true;
        }
    }

    /// <summary>Takes an item back; returning one twice throws.</summary>
    public void Return(T item)
    {
        lock (_lock)
        {
            if (_freeCount == Size || Array.IndexOf(_free, item, 0, _freeCount) >= 0)
            {
                throw new InvalidOperationException($"{_what} returned twice");
            }

            _free[_freeCount++] = item;
        }

        _freeItems.Release();
    }

    /// <summary>Makes every item once; called by the derived pool's constructor.</summary>
    protected void Fill(Func<T> create)
    {
        for (int i = 0; i < Size; i++)
        {
            _free[i] = create();
        }

        _freeCount = Size;
        _freeItems.Release(Size);
    }
}
