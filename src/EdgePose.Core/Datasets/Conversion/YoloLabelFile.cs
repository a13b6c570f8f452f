using EdgePose.Core.Coco;

namespace EdgePose.Core.Datasets.Conversion;

/// <summary>The label text for one image (empty for an image without objects) and how many objects it holds.</summary>
public sealed record YoloLabelFile(CocoImage Image, string LabelFileName, string Text, int Instances);
