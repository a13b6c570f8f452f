namespace EdgePose.Native.OpenCv;

/// <summary>
/// The extent of a line of Hershey text: <see cref="Width"/>, <see cref="Height"/> above the baseline, and
/// <see cref="Baseline"/>, how far the lowest point of the text (descenders) lies below the baseline.
/// </summary>
public readonly record struct TextSize(int Width, int Height, int Baseline);
