using EdgePose.Native.OpenCv.Interop;

namespace EdgePose.Native.OpenCv;

/// <summary>Encoder settings. The defaults are OpenCV's: JPEG quality 95, PNG compression 1 (fastest).</summary>
public sealed record ImageEncodeOptions
{
    public static ImageEncodeOptions Default { get; } = new();

    /// <summary>JPEG quality, 0..100.</summary>
    public int JpegQuality { get; init; } = 95;

    /// <summary>PNG zlib compression level, 0 (none) .. 9 (smallest). Lossless at every level.</summary>
    public int PngCompression { get; init; } = 1;

    internal CvEncodeParams ToNative()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(JpegQuality);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(JpegQuality, 100);
        ArgumentOutOfRangeException.ThrowIfNegative(PngCompression);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PngCompression, 9);
        return new CvEncodeParams { JpegQuality = JpegQuality, PngCompression = PngCompression };
    }
}
