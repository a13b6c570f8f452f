using EdgePose.Core.Meta;

namespace EdgePose.Native.Drawing;

/// <summary>How poses are drawn. Sizes of 0 scale with the image as Ultralytics' annotator does.</summary>
public sealed record AnnotationStyle
{
    public static AnnotationStyle Default { get; } = new();

    /// <summary>Box and label colour per class index (cycled); Ultralytics' first palette colours.</summary>
    public IReadOnlyList<Rgb> ClassColors { get; init; } =
    [
        new(255, 56, 56), new(255, 157, 151), new(255, 112, 31), new(255, 178, 29), new(207, 210, 49),
        new(72, 249, 10), new(146, 204, 23), new(61, 219, 134), new(26, 147, 52), new(0, 212, 187),
    ];

    /// <summary>Keypoints (and links between them) with a lower score or visibility are not drawn.</summary>
    public float KeypointThreshold { get; init; } = 0.5f;

    /// <summary>Line width in pixels; 0 = max(2, round((width + height) / 2 × 0.003)).</summary>
    public int LineWidth { get; init; }

    /// <summary>Keypoint radius in pixels; 0 = 5, Ultralytics' default.</summary>
    public int KeypointRadius { get; init; }

    public bool DrawBoxes { get; init; } = true;

    public bool DrawLabels { get; init; } = true;

    public int LineWidthFor(int width, int height) =>
        LineWidth > 0 ? LineWidth : Math.Max(2, (int)Math.Round((width + height) / 2.0 * 0.003));

    public Rgb ClassColor(int classId) => ClassColors[((classId % ClassColors.Count) + ClassColors.Count) % ClassColors.Count];
}
