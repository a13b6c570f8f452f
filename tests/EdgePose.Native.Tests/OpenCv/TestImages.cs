using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using OpenCvSharp;

namespace EdgePose.Native.Tests.OpenCv;

/// <summary>Images and files the OpenCV tests share.</summary>
internal static class TestImages
{
    /// <summary>OpenCV's pedestrian sample (Debian opencv-doc): 768x576, 10 fps, 795 frames.</summary>
    public const string Vtest = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

    /// <summary>A real 640x480 photo from coco8-pose.</summary>
    public static string Coco8Val110 => Path.Combine(TestPaths.Coco8Pose, "images", "val", "000000000110.jpg");

    public const string Coco8Val110Relative = "data/coco8-pose/images/val/000000000110.jpg";

    /// <summary>A width x height BGR image whose every byte depends on its position (x, y, channel).</summary>
    public static Mat Pattern(int width, int height, int seed = 0)
    {
        var image = new Mat(height, width, MatType.CV_8UC3);
        for (var y = 0; y < height; y++)
        {
            var row = image.BgrRow(y);
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = (byte)((i * 7) + (y * 13) + (seed * 31) + ((i * y) >> 3));
            }
        }

        return image;
    }

    /// <summary>The B, G, R bytes at (x, y).</summary>
    public static (byte B, byte G, byte R) At(Mat image, int x, int y)
    {
        var row = image.BgrRow(y);
        return (row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]);
    }

    /// <summary>Width * 3 bytes per row, rows packed: comparable across images of different stride.</summary>
    public static byte[] PackedBytes(Mat image)
    {
        int cols = image.Cols, rows = image.Rows;
        var bytes = new byte[cols * rows * 3];
        for (var y = 0; y < rows; y++)
        {
            image.BgrRow(y).CopyTo(bytes.AsSpan(y * cols * 3));
        }

        return bytes;
    }
}
