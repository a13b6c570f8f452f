namespace EdgePose.Core.Drawing;

/// <summary>
/// Line widths and sizes for drawing poses on an image, scaled to its size as Ultralytics scales them
/// (line width 0.3% of the mean side, at least 2 pixels; keypoint radius 2 × width + 1; limbs half as thick).
/// A value type: annotating a video makes one per frame.
/// </summary>
public readonly record struct PoseDrawStyle(int LineWidth, int KeypointRadius, int LimbWidth, double FontScale, int FontThickness)
{
    public static PoseDrawStyle ForImage(int width, int height)
    {
        int lw = Math.Max((int)Math.Round((width + height) / 2.0 * 0.003, MidpointRounding.ToEven), 2);
        return new PoseDrawStyle(lw, (2 * lw) + 1, (lw + 1) / 2, lw / 3.0, Math.Max(lw - 1, 1));
    }
}
