using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;

namespace EdgePose.Native.Tests.OpenCv;

/// <summary>Images and files the OpenCV tests share.</summary>
internal static class TestImages
{
    /// <summary>OpenCV's pedestrian sample (Debian opencv-doc): 768x576, 10 fps, 795 frames.</summary>
    public const string Vtest = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

    /// <summary>A real 640x480 photo from coco8-pose.</summary>
    public static string Coco8Val110 => Path.Combine(TestPaths.Coco8Pose, "images", "val", "000000000110.jpg");

    public const string Coco8Val110Relative = "data/coco8-pose/images/val/000000000110.jpg";

    /// <summary>A width x height image whose every byte depends on its position (x, y, channel).</summary>
    public static BgrMat Pattern(int width, int height, int seed = 0)
    {
        var image = new BgrMat(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = (byte)((i * 7) + (y * 13) + (seed * 31) + ((i * y) >> 3));
            }
        }

        return image;
    }

    /// <summary>A width x height image of one colour, given as blue, green, red.</summary>
    public static BgrMat Solid(int width, int height, byte b, byte g, byte r)
    {
        var image = new BgrMat(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                row[(x * 3) + 0] = b;
                row[(x * 3) + 1] = g;
                row[(x * 3) + 2] = r;
            }
        }

        return image;
    }

    /// <summary>The B, G, R bytes at (x, y).</summary>
    public static (byte B, byte G, byte R) At(BgrMat image, int x, int y)
    {
        var row = image.Row(y);
        return (row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]);
    }

    /// <summary>Width * 3 bytes per row, rows packed: comparable across images of different stride.</summary>
    public static byte[] PackedBytes(BgrMat image)
    {
        var bytes = new byte[image.Width * image.Height * 3];
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(y).CopyTo(bytes.AsSpan(y * image.Width * 3));
        }

        return bytes;
    }

    /// <summary>Address of the first pixel, to tell whether an image kept its memory.</summary>
    public static unsafe IntPtr Address(BgrMat image) =>
        (IntPtr)Unsafe.AsPointer(ref MemoryMarshal.GetReference(image.Pixels));
}
