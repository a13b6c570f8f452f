using EdgePose.Core.Engines;
using EdgePose.Core.Frames;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Frames;

public class FramePoolTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rented_frames_are_distinct_until_the_pool_is_empty_and_come_back_on_return()
    {
        var pool = new FramePool(2, 64 * 48 * 3);

        Assert.True(pool.TryRent(out var a));
        Assert.True(pool.TryRent(out var b));
        Assert.False(pool.TryRent(out _));
        Assert.NotSame(a, b);
        Assert.Equal(0, pool.Available);

        a.Return();
        Assert.Equal(1, pool.Available);
        Assert.True(pool.TryRent(out var again));
        Assert.Same(a, again);
    }

    [Fact]
    public void Returning_a_frame_twice_is_refused()
    {
        var pool = new FramePool(2);
        pool.TryRent(out var frame);
        frame.Return();

        Assert.Throws<InvalidOperationException>(frame.Return);
        Assert.Equal(2, pool.Available);
    }

    [Fact]
    public void A_host_frame_carries_its_identity_format_and_pixels()
    {
        var pool = new FramePool(1, 0);
        pool.TryRent(out var frame);

        frame.SetHost(sourceId: 3, sequence: 41, Time, PixelFormat.Bgr24, width: 4, height: 2, stride: 16);
        frame.Pixels.Fill(7);

        Assert.Equal((3, 41L, Time), (frame.SourceId, frame.Sequence, frame.CaptureTime));
        Assert.Equal((4, 2, 16, MemoryLocation.Host), (frame.Width, frame.Height, frame.Stride, frame.Location));
        Assert.Equal(32, frame.Pixels.Length);
        var view = frame.AsBgrImage();
        Assert.Equal((4, 2, 16), (view.Width, view.Height, view.Stride));
        Assert.Equal(7, view.Pixels[31]);
    }

    [Fact]
    public void An_nv12_frame_takes_one_and_a_half_bytes_per_pixel_and_has_no_bgr_view()
    {
        var pool = new FramePool(1);
        pool.TryRent(out var frame);

        frame.SetHost(0, 0, Time, PixelFormat.Nv12, 8, 4, 8);

        Assert.Equal(48, frame.ByteCount);
        Assert.Throws<InvalidOperationException>(() => frame.AsBgrImage());
        Assert.Throws<ArgumentException>(() => frame.SetHost(0, 0, Time, PixelFormat.Nv12, 7, 4, 8));
    }

    [Fact]
    public void A_device_frame_keeps_its_pointer_and_exposes_no_host_pixels()
    {
        var pool = new FramePool(1);
        pool.TryRent(out var frame);

        frame.SetDevice(1, 2, Time, PixelFormat.Nv12, 1920, 1080, 2048, devicePointer: 0x7f00_0000);

        Assert.Equal(MemoryLocation.Device, frame.Location);
        Assert.Equal(0x7f00_0000, frame.DevicePointer);
        Assert.True(frame.Pixels.IsEmpty);
    }

    [Fact]
    public void Renting_describing_and_returning_allocates_nothing_after_warm_up()
    {
        var pool = new FramePool(3, 0);
        void Cycle()
        {
            for (var i = 0; i < 3; i++)
            {
                pool.TryRent(out var f);
                f.SetHost(i, i, Time, PixelFormat.Bgr24, 64, 48, 192);
                f.Return();
            }
        }

        Cycle(); // each frame grows its buffer to 64x48 once
        long allocated = SteadyAllocation.Least(Cycle);

        Assert.Equal(0, allocated);
    }
}
