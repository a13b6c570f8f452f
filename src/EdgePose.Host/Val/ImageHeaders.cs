using EdgePose.Core.Errors;
using EdgePose.Core.Imaging;

namespace EdgePose.Host.Val;

/// <summary>An image file's displayed size from its header, without decoding it (labels in YOLO format are relative to it).</summary>
public static class ImageHeaders
{
    private const int HeaderBytes = 64 * 1024;

    public static ImageHeader Read(string path)
    {
        using var f = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(f.Length, HeaderBytes)];
        f.ReadExactly(buffer);
        if (ImageHeaderReader.TryRead(buffer, out var h) || (f.Length > HeaderBytes && ImageHeaderReader.TryRead(File.ReadAllBytes(path), out h)))
        {
            return h;
        }

        throw new InputException($"{path}: not a readable JPEG, PNG, BMP or WebP image (no size in its header)");
    }
}
