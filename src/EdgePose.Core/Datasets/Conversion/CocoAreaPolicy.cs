using System.Globalization;

namespace EdgePose.Core.Datasets.Conversion;

/// <summary>
/// The COCO "area" of an object whose source has only a box (YOLO, labelme rectangles). OKS divides by it,
/// so it matters for evaluation: COCO's own area is the segmentation area, and Ultralytics' pose validator
/// uses box area × 0.53 as the stand-in, which is the default here. <see cref="Box"/> keeps the plain box area.
/// </summary>
public sealed record CocoAreaPolicy(double BoxFactor)
{
    /// <summary>Box area × 0.53, as Ultralytics' pose validator scales OKS.</summary>
    public static readonly CocoAreaPolicy UltralyticsBox = new(0.53);

    public static readonly CocoAreaPolicy Box = new(1.0);

    public double AreaOf(double boxWidth, double boxHeight) => boxWidth * boxHeight * BoxFactor;

    /// <summary>One line for logs and the COCO "info" block.</summary>
    public string Describe() => BoxFactor == 1.0
        ? "area = box width × height"
        : $"area = box width × height × {BoxFactor.ToString("R", CultureInfo.InvariantCulture)} (Ultralytics' OKS scale for box-only labels)";

    public static CocoAreaPolicy FromFactor(double factor) =>
        factor > 0 && double.IsFinite(factor)
            ? new CocoAreaPolicy(factor)
            : throw new ArgumentOutOfRangeException(nameof(factor), factor, "area factor must be a positive number");
}
