namespace EdgePose.Core.Tests.Sources;

/// <summary>
/// The test side's own writer of the pixel clock (written from the layout in PixelClock's documentation, not
/// from its reader): 32 x 2 cells of side width/32 at the top left, marker 10101100, 48 bits of Unix
/// milliseconds, CRC-8 (polynomial 0x07) of the 6 big-endian bytes; white 235, black 16.
/// </summary>
internal static class PixelClockPainter
{
    public const byte White = 235;
    public const byte Black = 16;

    /// <summary>Paints <paramref name="unixMilliseconds"/> into a frame of <paramref name="bytesPerPixel"/> (1: luma, 3: BGR).</summary>
    public static void Paint(Span<byte> pixels, int width, int stride, int bytesPerPixel, long unixMilliseconds)
    {
        var side = width / 32;
        var bits = Bits(unixMilliseconds);
        for (var cell = 0; cell < 64; cell++)
        {
            var value = bits[cell] ? White : Black;
            var left = (cell % 32) * side;
            var top = (cell / 32) * side;
            for (var y = top; y < top + side; y++)
            {
                pixels.Slice((y * stride) + (left * bytesPerPixel), side * bytesPerPixel).Fill(value);
            }
        }
    }

    public static bool[] Bits(long unixMilliseconds)
    {
        var bits = new List<bool> { true, false, true, false, true, true, false, false };
        for (var i = 47; i >= 0; i--)
        {
            bits.Add(((unixMilliseconds >> i) & 1) == 1);
        }

        var crc = Crc8(unixMilliseconds);
        for (var i = 7; i >= 0; i--)
        {
            bits.Add(((crc >> i) & 1) == 1);
        }

        return [.. bits];
    }

    private static int Crc8(long value)
    {
        var crc = 0;
        foreach (var b in new[] { 40, 32, 24, 16, 8, 0 }.Select(s => (byte)(value >> s)))
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x07) : (byte)(crc << 1);
            }
        }

        return crc;
    }
}
