namespace EdgePose.Core.Datasets;

/// <summary>
/// One ground-truth keypoint: position and COCO visibility (0 not labelled, 1 labelled but hidden,
/// 2 labelled and visible). The position is in whatever unit the holder uses (pixels or 0..1).
/// </summary>
public readonly record struct LabelledKeypoint(double X, double Y, int Visibility)
{
    public bool IsLabelled => Visibility > 0;
}
