using EdgePose.Core.Datasets.Conversion;

namespace EdgePose.Train.Datasets;

/// <summary>What `data convert` was asked to do (the command's options, parsed).</summary>
public sealed record ConvertRequest
{
    public required string Input { get; init; }

    public required string Output { get; init; }

    public required DatasetFormat From { get; init; }

    public required DatasetFormat To { get; init; }

    public bool Force { get; init; }

    /// <summary>labelme: the yaml with names, keypoint meta and label mapping.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>COCO → YOLO: a meta file for flip pairs, sigmas, colours.</summary>
    public string? MetaPath { get; init; }

    /// <summary>COCO → YOLO: the folder the json's file_names are relative to.</summary>
    public string? ImagesDir { get; init; }

    public FileTransferMode ImagesMode { get; init; } = FileTransferMode.Copy;

    /// <summary>Name of the split folder written (images/&lt;split&gt;, labels/&lt;split&gt;).</summary>
    public string? Split { get; init; }

    /// <summary>Values per keypoint in YOLO labels; null: the config's or meta's kpt_shape D, else 3.</summary>
    public int? Dims { get; init; }

    public int Decimals { get; init; } = 6;

    public CocoAreaPolicy Area { get; init; } = CocoAreaPolicy.UltralyticsBox;

    public double BoxMarginPixels { get; init; }

    public bool RequireAllKeypoints { get; init; }

    public bool AllowBoxesWithoutKeypoints { get; init; }
}
