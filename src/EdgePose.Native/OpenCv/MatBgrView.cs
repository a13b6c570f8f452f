using OpenCvSharp;
using BgrImage = EdgePose.Core.Inference.BgrImage;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// Core's view of an OpenCvSharp <see cref="Mat"/> holding 8-bit BGR pixels (what imread, VideoCapture.Read
/// and every OpenCV drawing call use). The view is a span over the Mat's own memory: nothing is copied or
/// allocated, and it is valid while the Mat keeps its size and is not disposed.
/// </summary>
public static class MatBgrView
{
    /// <summary>Bytes per pixel.</summary>
    public const int Channels = 3;

    /// <summary>The pixels of <paramref name="mat"/> for Core (the pose predictor); throws unless it is non-empty 8-bit BGR.</summary>
    public static BgrImage AsBgrImage(this Mat mat) => new(mat.BgrPixels(), mat.Cols, mat.Rows, checked((int)mat.Step()));

    /// <summary>All pixel bytes of <paramref name="mat"/>, row after row, <see cref="Mat.Step()"/> bytes apart.</summary>
    public static unsafe Span<byte> BgrPixels(this Mat mat)
    {
        CheckBgr(mat);
        long length = ((long)(mat.Rows - 1) * mat.Step()) + ((long)mat.Cols * Channels);
        return new Span<byte>((void*)mat.Data, checked((int)length));
    }

    /// <summary>The Cols * 3 bytes of row <paramref name="y"/>.</summary>
    public static unsafe Span<byte> BgrRow(this Mat mat, int y)
    {
        CheckBgr(mat);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, mat.Rows);
        return new Span<byte>((byte*)mat.Data + ((long)y * mat.Step()), mat.Cols * Channels);
    }

    /// <summary>Throws unless <paramref name="mat"/> is a live, non-empty, 2-D 8-bit 3-channel image.</summary>
    public static void CheckBgr(Mat mat)
    {
        ArgumentNullException.ThrowIfNull(mat);
        ObjectDisposedException.ThrowIf(mat.IsDisposed, mat);
        if (mat.Empty())
        {
            throw new ArgumentException("the image is empty", nameof(mat));
        }

        if (mat.Type() != MatType.CV_8UC3 || mat.Dims != 2)
        {
            throw new ArgumentException($"the image is {mat.Type()} with {mat.Dims} dimension(s), not 8-bit BGR", nameof(mat));
        }
    }
}
