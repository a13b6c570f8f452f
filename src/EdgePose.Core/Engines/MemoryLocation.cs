namespace EdgePose.Core.Engines;

/// <summary>Where a tensor or a frame's pixels live.</summary>
public enum MemoryLocation
{
    /// <summary>CPU memory (pinned where a GPU copies from it).</summary>
    Host,

    /// <summary>GPU memory, addressed by a device pointer (CUdeviceptr).</summary>
    Device,
}
