namespace EdgePose.Core.Frames;

/// <summary>
/// A small fixed set of <see cref="Frame"/>s, rented by a source and returned by the last stage that reads them.
/// Renting never allocates once the pool is warm: frames keep their buffers. When every frame is out,
/// <see cref="FixedPool{T}.TryRent"/> says so and the source drops or waits: the pool bounds the memory in flight.
/// </summary>
public sealed class FramePool : FixedPool<Frame>
{
    /// <param name="size">Frames in the pool (frames in flight at most).</param>
    /// <param name="capacityBytes">Host bytes each frame holds from the start (e.g. 1920×1080×3); frames grow if a larger one comes.</param>
    public FramePool(int size, int capacityBytes = 0)
        : base(size, "frame")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        Fill(() => new Frame(this, capacityBytes));
    }
}
