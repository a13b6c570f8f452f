using EdgePose.Core.Decoding;
using EdgePose.Host.Engines;

namespace EdgePose.Host.Predict;

/// <summary>Everything `edgepose predict` was asked to do.</summary>
public sealed record PredictOptions
{
    public required string Model { get; init; }

    public required string Source { get; init; }

    public required string OutputDirectory { get; init; }

    /// <summary>Write into <see cref="OutputDirectory"/> even when it holds files; else a busy folder gets a numbered sibling.</summary>
    public bool ExistOk { get; init; }

    public DecodeOptions Decode { get; init; } = new();

    public EngineOptions Engine { get; init; } = new();

    /// <summary>Keypoints per object and values per keypoint (--kpt-shape) for a model without kpt_shape in its metadata; null uses the metadata.</summary>
    public (int K, int D)? KeypointShape { get; init; }

    /// <summary>Write annotated images (or an annotated video) beside the JSON.</summary>
    public bool SaveImages { get; init; } = true;

    /// <summary>Meta file or data.yaml giving keypoint names, skeleton and colours; null uses the model's.</summary>
    public string? MetaFile { get; init; }

    /// <summary>File type of annotated images: "jpg" or "png".</summary>
    public string ImageFormat { get; init; } = "jpg";

    /// <summary>Stop a video after this many frames; null reads to the end.</summary>
    public long? MaxFrames { get; init; }

    /// <summary>Track persons across the frames of a video or stream (ByteTrack, Ultralytics' defaults): "track_id" in the JSON Lines.</summary>
    public bool Track { get; init; }
}
