namespace EdgePose.Core.Datasets.Conversion;

/// <summary>
/// One image of a YOLO data set for <see cref="YoloToCoco"/>: its COCO file_name, its pixel size (read from
/// the image by the caller) and its label text (null when it has no label file). <paramref name="LabelSource"/>
/// names the label file in messages.
/// </summary>
public sealed record YoloImageLabels(string FileName, int Width, int Height, string? LabelText, string LabelSource);
