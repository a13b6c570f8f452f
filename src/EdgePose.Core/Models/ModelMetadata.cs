namespace EdgePose.Core.Models;

/// <summary>
/// What Ultralytics writes beside a model (ONNX metadata_props, the JSON header of an .engine file):
/// task, keypoint shape, class names, stride, input size and whether NMS is inside the graph.
/// Values absent from the file are null; <see cref="Raw"/> keeps every key as written.
/// </summary>
public sealed record ModelMetadata
{
    public static ModelMetadata Empty { get; } = new();

    /// <summary>"pose", "detect", ...; null when the file does not say.</summary>
    public string? Task { get; init; }

    /// <summary>Keypoints per instance (K of kpt_shape).</summary>
    public int? KeypointCount { get; init; }

    /// <summary>Values per keypoint (D of kpt_shape): 2 for x,y or 3 for x,y,visibility.</summary>
    public int? KeypointDims { get; init; }

    /// <summary>Keypoint names (kpt_names of newer exports, first class); null when the file has none.</summary>
    public IReadOnlyList<string>? KeypointNames { get; init; }

    /// <summary>Class names by class index.</summary>
    public IReadOnlyDictionary<int, string> Names { get; init; } = new Dictionary<int, string>();

    /// <summary>Largest stride of the model (32 for YOLOv8/YOLO11).</summary>
    public int? Stride { get; init; }

    /// <summary>Input size the model was exported for, height then width.</summary>
    public (int Height, int Width)? ImageSize { get; init; }

    /// <summary>True when the graph already contains NMS (YOLO26, nms=True exports).</summary>
    public bool? EndToEnd { get; init; }

    public int? Batch { get; init; }

    /// <summary>Every key as written in the file, values as text.</summary>
    public IReadOnlyDictionary<string, string> Raw { get; init; } = new Dictionary<string, string>();
}
