namespace EdgePose.TensorRt.Loading;

/// <summary>How the service loads a TensorRT engine file.</summary>
public sealed record EngineLoadOptions
{
    /// <summary>CUDA device ordinal (0 on a Jetson).</summary>
    public int Device { get; init; }

    /// <summary>DLA core to run on; null: the one the sidecar records, else the GPU.</summary>
    public int? DlaCore { get; init; }

    /// <summary>
    /// Rebuild the engine from its ONNX when it is missing, unreadable, stale or built for another
    /// TensorRT or GPU (the build takes minutes on a Jetson), instead of failing with the rebuild command.
    /// </summary>
    public bool RebuildAutomatically { get; init; }

    /// <summary>The ONNX to rebuild from; null: the one the sidecar records.</summary>
    public string? OnnxPath { get; init; }
}
