namespace EdgePose.Host.Engines;

/// <summary>Runtime settings common to every engine kind, from the command line or the service configuration.</summary>
public sealed record EngineOptions
{
    /// <summary>CPU threads for ONNX Runtime's intra-op pool; 0 lets ONNX Runtime choose.</summary>
    public int Threads { get; init; }

    /// <summary>Square input size for models with dynamic height and width; null keeps the model's.</summary>
    public int? ImageSize { get; init; }

    /// <summary>Rebuild a TensorRT engine from its ONNX when it does not fit this machine's TensorRT or GPU.</summary>
    public bool RebuildEngine { get; init; }

    /// <summary>Receives one-line warnings from engine loading (stale engine, rebuild starting).</summary>
    public Action<string>? Warn { get; init; }
}
