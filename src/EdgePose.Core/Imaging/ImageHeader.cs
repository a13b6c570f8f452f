namespace EdgePose.Core.Imaging;

/// <summary>
/// An image's format and stored pixel size, and its EXIF orientation (1 = as stored; 5..8 = turned a
/// quarter, so it shows with width and height swapped). Labelme, OpenCV and Ultralytics all apply the
/// orientation, so labels refer to <see cref="DisplayWidth"/> × <see cref="DisplayHeight"/>.
/// </summary>
public readonly record struct ImageHeader(string Format, int Width, int Height, int ExifOrientation = 1)
{
    public bool IsQuarterTurned => ExifOrientation is >= 5 and <= 8;

    public int DisplayWidth => IsQuarterTurned ? Height : Width;

    public int DisplayHeight => IsQuarterTurned ? Width : Height;
}
