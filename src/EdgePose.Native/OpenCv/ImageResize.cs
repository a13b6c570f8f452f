using EdgePose.Native.OpenCv.Interop;
using BgrImage = EdgePose.Core.Inference.BgrImage;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// cv::resize of BGR images into a reused image or into caller memory, so a per-frame resize does not
/// allocate. With <see cref="Interpolation.Linear"/> the pixels equal Python's
/// cv2.resize(..., interpolation=cv2.INTER_LINEAR) on the same OpenCV build.
/// </summary>
public static class ImageResize
{
    /// <summary>Resizes <paramref name="source"/> to <paramref name="width"/> x <paramref name="height"/> into <paramref name="destination"/> (memory kept when it already has that size).</summary>
    public static void Resize(BgrMat source, BgrMat destination, int width, int height, Interpolation interpolation = Interpolation.Linear)
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
    public static unsafe void Resize(BgrMat source, Span<byte> destination, int width, int height, int stride, Interpolation interpolation = Interpolation.Linear)
    {
        CheckSource(source);
        CheckRegion(destination.Length, width, height, stride, nameof(destination));
        fixed (byte* p = destination)
        {
            CvCheck.ThrowIfFailed(CvShim.ResizeInto(source.Handle, p, width, height, stride, (int)interpolation));
        }
    }

    /// <summary>
    /// Resizes BGR pixels in any memory (Core's view of an image) into caller memory, as
    /// <see cref="Resize(BgrMat, Span{byte}, int, int, int, Interpolation)"/> does. Nothing is allocated.
    /// </summary>
    public static unsafe void Resize(BgrImage source, Span<byte> destination, int width, int height, int stride, Interpolation interpolation = Interpolation.Linear)
    {
        CheckRegion(source.Pixels.Length, source.Width, source.Height, source.Stride, nameof(source));
        CheckRegion(destination.Length, width, height, stride, nameof(destination));
        fixed (byte* src = source.Pixels)
        fixed (byte* dst = destination)
        {
            CvCheck.ThrowIfFailed(CvShim.ResizeBuffer(
                src, source.Width, source.Height, source.Stride, CvMatType.U8C3, dst, width, height, stride, (int)interpolation));
        }
    }

    private static void CheckSource(BgrMat source)
    {
        if (source.IsEmpty)
        {
            throw new ArgumentException("cannot resize an empty image", nameof(source));
        }
    }

    // A region of height rows of width BGR pixels, stride bytes apart, fits in length bytes.
    private static void CheckRegion(int length, int width, int height, int stride, string name)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} size must be positive, got {width}x{height}");
        }

        if (stride < width * BgrMat.Channels)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} stride {stride} is less than a row of {width * BgrMat.Channels} bytes");
        }

        var needed = ((long)(height - 1) * stride) + ((long)width * BgrMat.Channels);
        if (length < needed)
        {
            throw new ArgumentException($"{name} holds {length} bytes; {width}x{height} BGR at stride {stride} needs {needed}", name);
        }
    }
}
