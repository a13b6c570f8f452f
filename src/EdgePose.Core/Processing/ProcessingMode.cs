namespace EdgePose.Core.Processing;

/// <summary>Where the pipeline letterboxes frames and decodes outputs (setting Processing:Mode, --processing).</summary>
public enum ProcessingMode
{
    /// <summary>The GPU when a CUDA device is there and the kernels load; else the CPU, saying why in one info line.</summary>
    Auto,

    /// <summary>The GPU; when it cannot be used, <see cref="ProcessingFallback"/> decides.</summary>
    Gpu,

    /// <summary>The CPU, never the GPU.</summary>
    Cpu,
}
