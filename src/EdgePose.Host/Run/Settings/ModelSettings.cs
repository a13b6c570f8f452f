namespace EdgePose.Host.Run.Settings;

/// <summary>The model and how it runs (section "Model").</summary>
public sealed class ModelSettings
{
    /// <summary>The .onnx or .engine file; empty: the default model (EDGEPOSE_MODEL, or ../shared/models beside the repository).</summary>
    public string? Path { get; set; }

    /// <summary>ONNX Runtime execution provider: cpu, cuda or tensorrt.</summary>
    public string Provider { get; set; } = "cpu";

    /// <summary>Intra-op threads for the CPU provider (0: one per core).</summary>
    public int Threads { get; set; }

    /// <summary>Input size for models with a dynamic input (null: the model's).</summary>
    public int? ImageSize { get; set; }

    /// <summary>Frames per engine run, from different sources (capped by the engine's maximum batch).</summary>
    public int Batch { get; set; } = 1;

    public double Confidence { get; set; } = 0.25;

    public double Iou { get; set; } = 0.7;

    public int MaxDetections { get; set; } = 300;
}
