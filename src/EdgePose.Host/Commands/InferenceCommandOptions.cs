using System.CommandLine;
using EdgePose.Core.Decoding;
using EdgePose.Core.Errors;
using EdgePose.Core.Inference;
using EdgePose.Host.Engines;

namespace EdgePose.Host.Commands;

/// <summary>
/// The options that predict and val share, each command with its own defaults: decoding thresholds (--conf, --iou,
/// --max-det) and engine settings (--imgsz, --threads, --provider, --batch).
/// </summary>
internal sealed class InferenceCommandOptions(float conf, double iou, int maxDet)
{
    public Option<float> Conf { get; } = new("--conf") { Description = "Score threshold (keep scores above it)", DefaultValueFactory = _ => conf };

    public Option<double> Iou { get; } = new("--iou") { Description = "NMS IoU threshold (suppress above it)", DefaultValueFactory = _ => iou };

    public Option<int> MaxDet { get; } = new("--max-det") { Description = "Most detections per image", DefaultValueFactory = _ => maxDet };

    public Option<int?> ImageSize { get; } = new("--imgsz") { Description = "Model input size; a multiple of the model stride (default: the model's)" };

    public Option<int> Threads { get; } = new("--threads") { Description = "CPU threads for ONNX Runtime (0 = its default; at most 4 per CPU)", DefaultValueFactory = _ => 0 };

    public Option<string?> KeypointShape { get; } = new("--kpt-shape") { Description = "Keypoints per object and values per keypoint, K,D (e.g. 17,3), for a model whose metadata has no kpt_shape" };

    public Option<string> Provider { get; } = new("--provider") { Description = "ONNX Runtime execution provider: cpu, cuda or tensorrt (cuda and tensorrt need an ONNX Runtime build that has them)", DefaultValueFactory = _ => "cpu" };

    public Option<int?> Batch { get; } = new("--batch") { Description = "Images per inference run for models with a dynamic batch (default: 1 for ONNX, the engine's largest batch for TensorRT)" };

    /// <summary>The thresholds given; the command adds its own decoding choices.</summary>
    public DecodeOptions Decode(ParseResult parse) => new()
    {
        Confidence = parse.GetValue(Conf),
        Iou = parse.GetValue(Iou),
        MaxDetections = parse.GetValue(MaxDet),
    };

    public EngineOptions Engine(ParseResult parse) => new()
    {
        Threads = ThreadCountRange.Check(parse.GetValue(Threads), Environment.ProcessorCount),
        ImageSize = parse.GetValue(ImageSize) is int s ? CheckedImageSize(s) : null,
        Provider = parse.GetValue(Provider) ?? "cpu",
        Batch = parse.GetValue(Batch),
    };

    /// <summary>--kpt-shape K,D, or null when not given.</summary>
    public (int K, int D)? KeypointShapeOf(ParseResult parse)
    {
        if (parse.GetValue(KeypointShape) is not { } text)
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int k)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int d)
            && k is > 0 and <= 1000 && d is 2 or 3
            ? (k, d)
            : throw new InputException($"--kpt-shape '{text}' is not K,D with K from 1 to 1000 and D 2 or 3 (e.g. 17,3)");
    }

    private static int CheckedImageSize(int size)
    {
        ModelInput.CheckImageSize(size, 1);
        return size;
    }
}
