namespace EdgePose.Train.Data;

/// <summary>
/// Augmentation settings with Ultralytics' pose defaults: HSV gains (hsv_h 0.015, hsv_s 0.7, hsv_v 0.4), random
/// affine (degrees 0, translate 0.1, scale 0.5, shear 0), horizontal flip probability (fliplr 0.5, keypoints
/// swapped by flip_idx), mosaic probability (1.0) and the last epochs without mosaic (close_mosaic 10).
/// </summary>
public sealed record AugmentOptions
{
    public double HsvH { get; init; } = 0.015;

    public double HsvS { get; init; } = 0.7;

    public double HsvV { get; init; } = 0.4;

    public double Degrees { get; init; }

    public double Translate { get; init; } = 0.1;

    public double Scale { get; init; } = 0.5;

    public double Shear { get; init; }

    public double FlipLR { get; init; } = 0.5;

    public double Mosaic { get; init; } = 1.0;

    public int CloseMosaic { get; init; } = 10;

    /// <summary>No augmentation at all: letterbox only (validation, tests).</summary>
    public static AugmentOptions None { get; } = new() { HsvH = 0, HsvS = 0, HsvV = 0, Translate = 0, Scale = 0, FlipLR = 0, Mosaic = 0, CloseMosaic = 0 };

    /// <summary>Whether mosaic is used in <paramref name="epoch"/> (0-based) of <paramref name="epochs"/>.</summary>
    public bool MosaicIn(int epoch, int epochs) => Mosaic > 0 && epoch < epochs - CloseMosaic;
}
