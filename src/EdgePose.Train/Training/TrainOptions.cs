using EdgePose.Train.Data;

namespace EdgePose.Train.Training;

/// <summary>
/// The settings of a training run, named and defaulted as Ultralytics' train arguments (data, model, epochs,
/// imgsz, batch, device, workers, seed, optimizer, lr0, lrf, cos_lr, warmup_epochs, momentum, weight_decay,
/// project/name) plus the augmentation. Written to args.json in the run folder, which resume reads back.
/// </summary>
public sealed record TrainOptions
{
    public required string Data { get; init; }

    /// <summary>yolov8n-pose, yolo11s-pose, a model .yaml, an Ultralytics pose .onnx or an EdgePose checkpoint (.pt) to start from.</summary>
    public string Model { get; init; } = "yolo11n-pose";

    /// <summary>Images folder of a COCO keypoints json; null finds it as `edgepose val` does.</summary>
    public string? Images { get; init; }

    public int Epochs { get; init; } = 100;

    public int ImageSize { get; init; } = 640;

    public int Batch { get; init; } = 16;

    public string? Device { get; init; }

    public int Workers { get; init; } = 2;

    public ulong Seed { get; init; }

    /// <summary>SGD, AdamW, or auto (Ultralytics: AdamW with lr 0.002·5/(4+nc) for short runs of under 10,000 iterations, else SGD at lr0).</summary>
    public string Optimizer { get; init; } = "auto";

    public double Lr0 { get; init; } = 0.01;

    public double Lrf { get; init; } = 0.01;

    public bool CosineLr { get; init; }

    public double WarmupEpochs { get; init; } = 3;

    public double Momentum { get; init; } = 0.937;

    public double WeightDecay { get; init; } = 0.0005;

    /// <summary>Nominal batch size (Ultralytics' nbs): gradients are accumulated over round(nbs / batch) batches per step.</summary>
    public int NominalBatch { get; init; } = 64;

    /// <summary>Validate every epoch (else only after the last).</summary>
    public bool Val { get; init; } = true;

    public string Project { get; init; } = "runs/pose";

    public string Name { get; init; } = "train";

    /// <summary>Write into project/name even when it holds files.</summary>
    public bool ExistOk { get; init; }

    public AugmentOptions Augment { get; init; } = new();
}
