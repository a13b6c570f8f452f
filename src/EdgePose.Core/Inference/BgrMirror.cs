namespace EdgePose.Core.Inference;

/// <summary>The horizontal mirror of a BGR image (pixel x goes to width − 1 − x), for the flip test.</summary>
public static class BgrMirror
{
    /// <summary>Writes the mirror of <paramref name="image"/> into <paramref name="destination"/>, rows packed (width × 3 bytes apart).</summary>
    public static void Horizontal(BgrImage image, Span<byte> destination)
    {
        int w = image.Width, h = image.Height, row = w * 3;
        if (destination.Length < row * h)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes, a {w}x{h} image needs {row * h}", nameof(destination));
        }

        var src = image.Pixels;
        for (int y = 0; y < h; y++)
        {
            var s = src.Slice(y * image.Stride, row);
            var d = destination.Slice(y * row, row);
            for (int x = 0, m = row - 3; x < row; x += 3, m -= 3)
            {
                d[m] = s[x];
                d[m + 1] = s[x + 1];
                d[m + 2] = s[x + 2];
            }
        }
    }
}
