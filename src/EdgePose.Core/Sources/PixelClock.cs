namespace EdgePose.Core.Sources;

/// <summary>
/// Reads the wall-clock time that a test stream painted into its frame: the RTSP test server
/// (scripts/rtsp-test-server.py, mounts /clock and /resize) writes, into each frame it generates, the UTC Unix
/// time in milliseconds at which it generated it, so a reader learns the frame's capture-to-here latency. Built
/// to survive H.264: big black and white cells, read by their middle only.
/// <para>Layout (the script paints the same):</para>
/// <list type="bullet">
/// <item>a grid of <see cref="Columns"/> x <see cref="Rows"/> square cells at the frame's top-left corner; cell side
/// = frame width / 32 pixels, integer division (20 at 640 wide, 10 at 320), so the band is two cells high;</item>
/// <item>cells numbered row by row (0-31 the top row, 32-63 the second); white (luma 235) is 1, black (luma 16) is 0;</item>
/// <item>cells 0-7: the start marker 1,0,1,0,1,1,0,0 (<see cref="Marker"/>);</item>
/// <item>cells 8-55: the time in UTC Unix milliseconds, 48 bits, most significant first;</item>
/// <item>cells 56-63: CRC-8 of the time's 6 big-endian bytes (polynomial 0x07, initial 0, no reflection, no final
/// XOR), most significant bit first.</item>
/// </list>
/// A cell's value is the mean luma of its middle: rows and columns from side/4 up to, not including, 3*side/4
/// (integer division). A mean below <see cref="DarkBelow"/> is 0, above <see cref="BrightAbove"/> is 1; anything
/// between, a wrong marker or a wrong CRC means the frame carries no clock. Pure; allocates nothing.
/// </summary>
public static class PixelClock
{
    public const int Columns = 32;

    public const int Rows = 2;

    public const int Cells = Columns * Rows;

    /// <summary>Cells 0-7, first cell in the most significant bit.</summary>
    public const byte Marker = 0b1010_1100;

    public const int TimeBits = 48;

    /// <summary>The smallest cell side that is read (frames under 128 pixels wide carry no clock).</summary>
    public const int MinCellSide = 4;

    /// <summary>A cell whose mean luma is below this reads as 0.</summary>
    public const int DarkBelow = 80;

    /// <summary>A cell whose mean luma is above this reads as 1.</summary>
    public const int BrightAbove = 176;

    /// <summary>The side of a cell, in pixels, in a frame <paramref name="width"/> pixels wide.</summary>
    public static int CellSide(int width) => width / Columns;

    /// <summary>
    /// Reads the clock from a BGR frame (3 bytes a pixel, rows <paramref name="stride"/> bytes apart). Luma is
    /// taken as (B + 2G + R) / 4. False when the frame carries no clock.
    /// </summary>
    public static bool TryReadBgr(ReadOnlySpan<byte> frame, int width, int height, int stride, out long unixMilliseconds) =>
        TryRead(frame, width, height, stride, bytesPerPixel: 3, out unixMilliseconds);

    /// <summary>
    /// Reads the clock from a luma plane (NV12's Y plane, or grey; 1 byte a pixel, rows <paramref name="stride"/>
    /// bytes apart). False when the frame carries no clock.
    /// </summary>
    public static bool TryReadLuma(ReadOnlySpan<byte> luma, int width, int height, int stride, out long unixMilliseconds) =>
        TryRead(luma, width, height, stride, bytesPerPixel: 1, out unixMilliseconds);

    /// <summary>CRC-8, polynomial 0x07, of the 6 big-endian bytes of a 48-bit time.</summary>
    public static byte Checksum(long unixMilliseconds)
    {
        var crc = 0;
        for (var shift = 40; shift >= 0; shift -= 8)
        {
            crc ^= (int)((unixMilliseconds >> shift) & 0xFF);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
            }
        }

        return (byte)crc;
    }

    private static bool TryRead(ReadOnlySpan<byte> pixels, int width, int height, int stride, int bytesPerPixel, out long unixMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width * bytesPerPixel);
        if (height > 0 && pixels.Length < ((long)(height - 1) * stride) + (width * bytesPerPixel))
        {
            throw new ArgumentException($"{pixels.Length} bytes cannot hold {height} rows of {width} pixels, {stride} bytes apart", nameof(pixels));
        }

        unixMilliseconds = 0;
        var side = CellSide(width);
        if (side < MinCellSide || height < Rows * side)
        {
            return false;
        }

        ulong bits = 0;
        for (var cell = 0; cell < Cells; cell++)
        {
            var mean = CellMean(pixels, stride, bytesPerPixel, side, (cell % Columns) * side, (cell / Columns) * side);
            if (mean < DarkBelow)
            {
                bits <<= 1;
            }
            else if (mean > BrightAbove)
            {
                bits = (bits << 1) | 1;
            }
            else
            {
                return false;
            }
        }

        var time = (long)((bits >> 8) & ((1UL << TimeBits) - 1));
        if ((byte)(bits >> 56) != Marker || (byte)bits != Checksum(time))
        {
            return false;
        }

        unixMilliseconds = time;
        return true;
    }

    private static int CellMean(ReadOnlySpan<byte> pixels, int stride, int bytesPerPixel, int side, int left, int top)
    {
        var from = side / 4;
        var to = 3 * side / 4;
        var sum = 0L;
        for (var y = top + from; y < top + to; y++)
        {
            var row = pixels.Slice((y * stride) + ((left + from) * bytesPerPixel), (to - from) * bytesPerPixel);
            if (bytesPerPixel == 1)
            {
                foreach (var v in row)
                {
                    sum += v;
                }
            }
            else
            {
                for (var i = 0; i < row.Length; i += 3)
                {
                    sum += (row[i] + (2 * row[i + 1]) + row[i + 2]) >> 2;
                }
            }
        }

        return (int)(sum / ((to - from) * (to - from)));
    }
}
