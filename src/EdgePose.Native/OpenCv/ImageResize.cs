using EdgePose.Native.OpenCv.Interop;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// cv::resize of BGR images into a reused image or into caller memory, so a per-frame resize does not
/// allocate. With <see cref="Interpolation.Linear"/> the pixels equal Python's
/// cv2.resize(..., interpolation=cv2.INTER_LINEAR) on the same OpenCV build.
/// </summary>
public static class ImageResize
{
    /// <summary>Resizes <paramref name="source"/> to <paramref name="width"/> x <paramref name="height"/> into <paramref name="destination"/> (memory kept when it already has that size).</summary>
    public static void Resize(BgrImage source, BgrImage destination, int width, int height, Interpolation interpolation = Interpolation.Linear)
    {
        CheckSource(source);
        if (ReferenceEquals(source, destination))
        {
            throw new ArgumentException("source and destination must be different images", nameof(destination));
        }

        CvCheck.ThrowIfFailed(CvShim.Resize(source.Handle, destination.Handle, width, height, (int)interpolation));
        destination.Refresh();
    }

    /// <summary>
    /// Resizes <paramref name="source"/> into caller memory: <paramref name="height"/> rows of
    /// <paramref name="width"/> BGR pixels, <paramref name="stride"/> bytes apart, starting at
    /// <paramref name="destination"/>[0]. The region may be the inside of a larger image, such as a
    /// letterbox canvas; bytes outside it are not touched.
    /// </summary>
    public static unsafe void Resize(BgrImage source, Span<byte> destination, int width, int height, int stride, Interpolation interpolation = Interpolation.Linear)
    {
        CheckSource(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width * BgrImage.Channels);
        var needed = ((long)(height - 1) * stride) + ((long)width * BgrImage.Channels);
        if (destination.Length < needed)
        {
            throw new ArgumentException(
                $"destination holds {destination.Length} bytes; {width}x{height} BGR at stride {stride} needs {needed}", nameof(destination));
        }

        fixed (byte* p = destination)
        {
            CvCheck.ThrowIfFailed(CvShim.ResizeInto(source.Handle, p, width, height, stride, (int)interpolation));
        }
    }

    private static void CheckSource(BgrImage source)
    {
        if (source.IsEmpty)
        {
            throw new ArgumentException("cannot resize an empty image", nameof(source));
        }
    }
}
