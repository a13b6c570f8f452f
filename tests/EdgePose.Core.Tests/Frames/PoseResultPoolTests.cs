using EdgePose.Core.Frames;
using EdgePose.Core.Poses;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Frames;

public class PoseResultPoolTests
{
    [Fact]
    public void A_result_carries_the_frame_s_identity_with_a_copy_of_its_poses()
    {
        var frames = new FramePool(1);
        frames.TryRent(out var frame);
        var time = DateTimeOffset.UnixEpoch.AddSeconds(5);
        frame.SetHost(2, 99, time, PixelFormat.Bgr24, 640, 480, 1920);
        var poses = new PoseDetections(10, 17);
        poses.Add(1, 2, 30, 40, 0.9f, 0, 7);
        var pool = new PoseResultPool(2, 10, 17);
        pool.TryRent(out var result);

        result.Set(frame, poses);
        frame.Return();
        poses.Clear();

        Assert.Equal((2, 99L, time, 640, 480), (result.SourceId, result.Sequence, result.CaptureTime, result.FrameWidth, result.FrameHeight));
        Assert.Equal(1, result.Poses.Count);
        Assert.Equal(0.9f, result.Poses.Score(0));
    }

    [Fact]
    public void Results_are_rented_until_none_is_left_and_cycle_without_allocating()
    {
        var frames = new FramePool(1);
        frames.TryRent(out var frame);
        frame.SetHost(0, 0, DateTimeOffset.UnixEpoch, PixelFormat.Bgr24, 4, 4, 12);
        var poses = new PoseDetections(10, 17);
        poses.Add(0, 0, 1, 1, 0.5f, 0, 0);
        var pool = new PoseResultPool(2, 10, 17);
        Assert.True(pool.TryRent(out var a));
        Assert.True(pool.TryRent(out var b));
        Assert.False(pool.TryRent(out _));
        a.Return();
        b.Return();
        Assert.Throws<InvalidOperationException>(b.Return);

        Assert.Equal(0, SteadyAllocation.Least(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                pool.TryRent(out var r);
                r.Set(frame, poses);
                r.Return();
            }
        }));
    }
}
