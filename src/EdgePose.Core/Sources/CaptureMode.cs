namespace EdgePose.Core.Sources;

/// <summary>
/// The frame size and rate asked of a camera or test pattern (query options width, height, fps);
/// null leaves the choice to the device.
/// </summary>
public sealed record CaptureMode(int? Width, int? Height, int? Fps)
{
    public static readonly CaptureMode Any = new(null, null, null);

    /// <summary>The largest width or height accepted.</summary>
    public const int MaxSide = 16384;

    /// <summary>The highest frame rate accepted.</summary>
    public const int MaxFps = 1000;
}
