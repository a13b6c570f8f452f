using System.Runtime.InteropServices;
using EdgePose.Core.Frames;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using OpenCvSharp;

namespace EdgePose.Native.Tests.Processing;

/// <summary>
/// The coco8-pose images (cropped to even sizes) as the pixels a source hands over: BGR24, NV12 (OpenCV's I420
/// with its chroma planes interleaved, as hardware decoders give), and the BGR that OpenCV converts that NV12 to
/// (what the CPU path reads of the NV12 frame). Tight rows.
/// </summary>
internal sealed record Coco8Frames(string Name, int Width, int Height, byte[] Bgr, byte[] Nv12, byte[] BgrOfNv12)
{
    public const string Images = "data/coco8-pose/images";

    public static IReadOnlyList<Coco8Frames> Load() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.Coco8Pose, "images"), "*.jpg", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(From)];

    public static Coco8Frames From(string path)
    {
        using var image = ImageCodec.Read(path);
        using var even = image[new Rect(0, 0, image.Cols & ~1, image.Rows & ~1)].Clone();
        int w = even.Cols, h = even.Rows;
        var bgr = Bytes(even, w * h * 3);
        var nv12 = Nv12Of(even);
        using var yuv = Mat.FromPixelData(h * 3 / 2, w, MatType.CV_8UC1, nv12);
        using var converted = new Mat();
        Cv2.CvtColor(yuv, converted, ColorConversionCodes.YUV2BGR_NV12);
        return new Coco8Frames(Path.GetFileName(path), w, h, bgr, nv12, Bytes(converted, w * h * 3));
    }

    /// <summary>NV12 of a BGR image with even sides: Y plane, then U and V interleaved at half resolution.</summary>
    public static byte[] Nv12Of(Mat bgr)
    {
        int w = bgr.Cols, h = bgr.Rows;
        using var i420 = new Mat();
        Cv2.CvtColor(bgr, i420, ColorConversionCodes.BGR2YUV_I420);
        var planes = Bytes(i420, w * h * 3 / 2);
        var nv12 = new byte[planes.Length];
        planes.AsSpan(0, w * h).CopyTo(nv12);
        int quarter = w * h / 4;
        for (int i = 0; i < quarter; i++)
        {
            nv12[(w * h) + (2 * i)] = planes[(w * h) + i];
            nv12[(w * h) + (2 * i) + 1] = planes[(w * h) + quarter + i];
        }

        return nv12;
    }

    /// <summary>A host frame holding <paramref name="pixels"/> (tight rows), from a one-frame pool.</summary>
    public static Cuda.GpuProcessorParity.PooledFrame Frame(byte[] pixels, PixelFormat format, int width, int height)
    {
        var frame = Cuda.GpuProcessorParity.PooledFrame.Rent(format, width, height, format == PixelFormat.Nv12 ? width : width * 3);
        pixels.CopyTo(frame.Frame.Pixels);
        return frame;
    }

    private static byte[] Bytes(Mat continuous, int count)
    {
        var bytes = new byte[count];
        Marshal.Copy(continuous.Data, bytes, 0, count);
        return bytes;
    }
}
