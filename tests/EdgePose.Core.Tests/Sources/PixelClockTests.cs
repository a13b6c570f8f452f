using EdgePose.Core.Sources;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Sources;

public sealed class PixelClockTests
{
    private const long Now = 1_795_661_782_415;

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(Now)]
    [InlineData((1L << 48) - 1)]
    public void Time_painted_into_a_bgr_frame_reads_back(long unixMs)
    {
        var frame = Grey(640, 480, 3, 640 * 3);
        PixelClockPainter.Paint(frame, 640, 640 * 3, 3, unixMs);

        Assert.True(PixelClock.TryReadBgr(frame, 640, 480, 640 * 3, out var read));
        Assert.Equal(unixMs, read);
    }

    [Theory]
    [InlineData(640, 480, 640)]
    [InlineData(320, 240, 384)]
    [InlineData(128, 8, 128)]
    public void Time_painted_into_an_nv12_luma_plane_reads_back_at_any_size_and_stride(int width, int height, int stride)
    {
        var frame = Grey(width, height, 1, stride);
        PixelClockPainter.Paint(frame, width, stride, 1, Now);

        Assert.True(PixelClock.TryReadLuma(frame, width, height, stride, out var read));
        Assert.Equal(Now, read);
    }

    [Fact]
    public void Time_survives_strong_noise_and_smeared_cell_edges()
    {
        var frame = Grey(640, 480, 3, 640 * 3);
        PixelClockPainter.Paint(frame, 640, 640 * 3, 3, Now);
        var random = new Random(7);
        // Cell edges (the outer quarter) go mid-grey, as a blurring encoder might leave them.
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < 640; x++)
            {
                if (y % 20 is < 5 or >= 15 || x % 20 is < 5 or >= 15)
                {
                    frame.AsSpan(((y * 640) + x) * 3, 3).Fill(128);
                }
            }
        }

        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (byte)Math.Clamp(frame[i] + random.Next(-60, 61), 0, 255);
        }

        Assert.True(PixelClock.TryReadBgr(frame, 640, 480, 640 * 3, out var read));
        Assert.Equal(Now, read);
    }

    [Fact]
    public void Frame_without_the_pattern_carries_no_clock()
    {
        var grey = Grey(640, 480, 3, 640 * 3);
        var noise = new byte[640 * 480 * 3];
        new Random(3).NextBytes(noise);

        Assert.False(PixelClock.TryReadBgr(grey, 640, 480, 640 * 3, out _));
        Assert.False(PixelClock.TryReadBgr(noise, 640, 480, 640 * 3, out _));
        Assert.False(PixelClock.TryReadBgr(new byte[640 * 480 * 3], 640, 480, 640 * 3, out _));
    }

    [Fact]
    public void One_flipped_time_bit_fails_the_checksum()
    {
        var frame = Grey(640, 480, 1, 640);
        PixelClockPainter.Paint(frame, 640, 640, 1, Now);
        FillCell(frame, 640, 20, cell: 30, value: frame[(0 * 640) + (30 * 20) + 10] > 128 ? PixelClockPainter.Black : PixelClockPainter.White);

        Assert.False(PixelClock.TryReadLuma(frame, 640, 480, 640, out _));
    }

    [Fact]
    public void Wrong_marker_carries_no_clock()
    {
        var frame = Grey(640, 480, 1, 640);
        PixelClockPainter.Paint(frame, 640, 640, 1, Now);
        FillCell(frame, 640, 20, cell: 1, value: PixelClockPainter.White);

        Assert.False(PixelClock.TryReadLuma(frame, 640, 480, 640, out _));
    }

    [Fact]
    public void Cell_neither_dark_nor_bright_carries_no_clock()
    {
        var frame = Grey(640, 480, 1, 640);
        PixelClockPainter.Paint(frame, 640, 640, 1, Now);
        FillCell(frame, 640, 20, cell: 40, value: 128);

        Assert.False(PixelClock.TryReadLuma(frame, 640, 480, 640, out _));
    }

    [Theory]
    [InlineData(127, 480)]
    [InlineData(640, 39)]
    public void Frame_too_small_for_the_cells_carries_no_clock(int width, int height)
    {
        var frame = Grey(width, height, 1, width);

        Assert.False(PixelClock.TryReadLuma(frame, width, height, width, out _));
    }

    [Fact]
    public void Buffer_smaller_than_the_frame_it_claims_is_refused()
    {
        Assert.Throws<ArgumentException>(() => PixelClock.TryReadBgr(new byte[(640 * 480 * 3) - 1], 640, 480, 640 * 3, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => PixelClock.TryReadLuma(new byte[640 * 480], 640, 480, 639, out _));
    }

    [Theory]
    [InlineData(0L, 0x00)]
    [InlineData(1L, 0x07)]
    [InlineData(Now, 0xAA)]
    [InlineData((1L << 48) - 1, 0x48)]
    public void Checksum_matches_the_test_servers_crc8(long unixMs, int expected)
    {
        // Values printed by scripts/rtsp-test-server.py's crc8 on the same 6 bytes.
        Assert.Equal(expected, PixelClock.Checksum(unixMs));
    }

    [Fact]
    public void Reading_allocates_nothing()
    {
        var frame = Grey(640, 480, 3, 640 * 3);
        PixelClockPainter.Paint(frame, 640, 640 * 3, 3, Now);
        for (var i = 0; i < 200; i++)
        {
            PixelClock.TryReadBgr(frame, 640, 480, 640 * 3, out _); // warm: the JIT's tiers are done
        }

        Assert.Equal(0, SteadyAllocation.Least(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                PixelClock.TryReadBgr(frame, 640, 480, 640 * 3, out _);
            }
        }));
    }

    private static byte[] Grey(int width, int height, int bytesPerPixel, int stride)
    {
        var frame = new byte[((height - 1) * stride) + (width * bytesPerPixel)];
        Array.Fill(frame, (byte)90);
        return frame;
    }

    private static void FillCell(byte[] luma, int stride, int side, int cell, byte value)
    {
        var left = (cell % 32) * side;
        var top = (cell / 32) * side;
        for (var y = top; y < top + side; y++)
        {
            luma.AsSpan((y * stride) + left, side).Fill(value);
        }
    }
}
