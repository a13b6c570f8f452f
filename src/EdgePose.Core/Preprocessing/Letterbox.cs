using EdgePose.Core.Poses;

namespace EdgePose.Core.Preprocessing;

/// <summary>
/// The geometry of Ultralytics' <c>LetterBox</c> (auto=False, center=True): scale by
/// r = min(H/h, W/w) (optionally never up), round the new size half-to-even, then pad
/// top = round(dh - 0.1), bottom = round(dh + 0.1), left = round(dw - 0.1), right = round(dw + 0.1)
/// where dw, dh are half the leftover. Maps model-input coordinates back to the source image.
/// </summary>
public readonly record struct Letterbox
{
    /// <summary>Grey of the padding, as Ultralytics uses.</summary>
    public const byte PadValue = 114;

    public int SourceWidth { get; init; }

    public int SourceHeight { get; init; }

    public int TargetWidth { get; init; }

    public int TargetHeight { get; init; }

    /// <summary>Scale applied to the source (r).</summary>
    public double Gain { get; init; }

    /// <summary>Size of the scaled image before padding.</summary>
    public int ResizedWidth { get; init; }

    public int ResizedHeight { get; init; }

    public int PadLeft { get; init; }

    public int PadTop { get; init; }

    public int PadRight { get; init; }

    public int PadBottom { get; init; }

    /// <summary>True when the source must be resized (its size differs from the scaled size).</summary>
    public bool NeedsResize => ResizedWidth != SourceWidth || ResizedHeight != SourceHeight;

    /// <summary>Computes the letterbox of a <paramref name="sourceWidth"/>×<paramref name="sourceHeight"/> image into the target size.</summary>
    public static Letterbox Compute(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight, bool scaleUp = true)
    {
        if (sourceWidth <= 0 || sourceHeight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceWidth), $"source size {sourceWidth}x{sourceHeight} must be positive");
        }

        if (targetWidth <= 0 || targetHeight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(targetWidth), $"target size {targetWidth}x{targetHeight} must be positive");
        }

        double r = Math.Min((double)targetHeight / sourceHeight, (double)targetWidth / sourceWidth);
        if (!scaleUp)
        {
            r = Math.Min(r, 1.0);
        }

        // Python's round() is half-to-even, as is Math.Round's default.
        // At least one pixel: a 1x5000 image would otherwise shrink to 0x640, which no resizer accepts.
        int newW = Math.Max(1, (int)Math.Round(sourceWidth * r));
        int newH = Math.Max(1, (int)Math.Round(sourceHeight * r));
        double dw = (targetWidth - newW) / 2.0;
        double dh = (targetHeight - newH) / 2.0;
        return new Letterbox
        {
            SourceWidth = sourceWidth,
            SourceHeight = sourceHeight,
            TargetWidth = targetWidth,
            TargetHeight = targetHeight,
            Gain = r,
            ResizedWidth = newW,
            ResizedHeight = newH,
            PadTop = (int)Math.Round(dh - 0.1),
            PadBottom = (int)Math.Round(dh + 0.1),
            PadLeft = (int)Math.Round(dw - 0.1),
            PadRight = (int)Math.Round(dw + 0.1),
        };
    }

    /// <summary>Maps an x coordinate of the model input to the source image, clipped to [0, width].</summary>
    public float UnmapX(float x) => Math.Clamp((x - PadLeft) / (float)Gain, 0f, SourceWidth);

    /// <summary>Maps a y coordinate of the model input to the source image, clipped to [0, height].</summary>
    public float UnmapY(float y) => Math.Clamp((y - PadTop) / (float)Gain, 0f, SourceHeight);

    /// <summary>
    /// Maps boxes and keypoints of <paramref name="detections"/> from model-input pixels to source pixels in
    /// place: subtract the integer pads actually applied, divide by the gain, clip to the image. (Ultralytics'
    /// predictor uses the unrounded pad for keypoints, which puts them up to 0.5/gain px off when the padding
    /// is odd; the validator and this code use the pads that were applied.)
    /// </summary>
    public void Unmap(PoseDetections detections)
    {
        for (int i = 0; i < detections.Count; i++)
        {
            var b = detections.Box(i);
            b[0] = UnmapX(b[0]);
            b[1] = UnmapY(b[1]);
            b[2] = UnmapX(b[2]);
            b[3] = UnmapY(b[3]);
            var kp = detections.Keypoints(i);
            for (int k = 0; k < kp.Length; k += 3)
            {
                kp[k] = UnmapX(kp[k]);
                kp[k + 1] = UnmapY(kp[k + 1]);
            }
        }
    }
}
