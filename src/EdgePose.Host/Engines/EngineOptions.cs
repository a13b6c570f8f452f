namespace EdgePose.Host.Engines;

/// <summary>Runtime settings common to every engine kind, from the command line or the service configuration.</summary>
public sealed record EngineOptions
{
    /// <summary>CPU threads for ONNX Runtime's intra-op pool; 0 lets ONNX Runtime choose.</summary>
    public int Threads { get; init; }

    /// <summary>ONNX Runtime execution provider by its command-line name: cpu, cuda or tensorrt.</summary>
    public string Provider { get; init; } = "cpu";

    /// <summary>
    /// Images per run: for an ONNX model with a dynamic batch, the engine's largest batch (null: 1); for every engine,
    /// at most this many images per run (null: the engine's largest batch).
    /// </summary>
    public int? Batch
    {
        get;
        init => field = value is null or >= 1 ? value : throw new Core.Errors.InputException($"--batch {value} must be at least 1");
    }

    /// <summary>Square input size for models with dynamic height and width; null keeps the model's.</summary>
    public int? ImageSize { get; init; }

    /// <summary>Rebuild a TensorRT engine from its ONNX when it does not fit this machine's TensorRT or GPU.</summary>
    public bool RebuildEngine { get; init; }

    /// <summary>Receives one-line warnings from engine loading (stale engine, rebuild starting).</summary>
    public Action<string>? Warn { get; init; }
}
