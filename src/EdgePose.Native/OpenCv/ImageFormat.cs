namespace EdgePose.Native.OpenCv;

/// <summary>Formats the encoder writes.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    Bmp,
}

/// <summary>File extensions of <see cref="ImageFormat"/>, as OpenCV's encoder selection wants them.</summary>
public static class ImageFormatExtensions
{
    public static string Extension(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Png => ".png",
        ImageFormat.Bmp => ".bmp",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown image format"),
    };
}
