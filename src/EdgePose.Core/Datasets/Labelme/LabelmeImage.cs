namespace EdgePose.Core.Datasets.Labelme;

/// <summary>
/// One labelme file to convert: <paramref name="Source"/> names it in messages, <paramref name="FileName"/>
/// is the image's file_name in the COCO output. The image size comes from the document.
/// </summary>
public sealed record LabelmeImage(string Source, LabelmeDocument Document, string FileName);
