namespace EdgePose.Core.Processing;

/// <summary>Why GPU processing cannot start, in the classes a user acts on differently.</summary>
public enum GpuFailureKind
{
    /// <summary>The NVIDIA driver (libcuda.so.1) is not installed or cannot be loaded.</summary>
    NoDriver,

    /// <summary>The driver is there but sees no CUDA device (CUDA_ERROR_NO_DEVICE).</summary>
    NoDevice,

    /// <summary>The driver refused the kernels' PTX (too old a driver for the PTX version, a JIT failure).</summary>
    PtxRefused,

    /// <summary>The GPU buffers could not be allocated (CUDA_ERROR_OUT_OF_MEMORY).</summary>
    OutOfMemory,

    /// <summary>Any other CUDA error while starting.</summary>
    Other,
}
