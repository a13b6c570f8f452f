using EdgePose.Train.Data;

namespace EdgePose.Train.Tests.Data;

public sealed class PoseInstancesTests
{
    /// <summary>One object: box (10, 20)–(50, 60), keypoints top-left, top-right, bottom-left (hidden: v 1).</summary>
    private static PoseInstances One() => new(3, [0], [10, 20, 50, 60], [10, 20, 2, 50, 20, 2, 10, 60, 1]);

    [Fact]
    public void A_horizontal_flip_mirrors_x_and_swaps_keypoints_by_flip_idx()
    {
        var flipped = One().FlipHorizontal(100, [1, 0, 2]);
        Assert.Equal([50f, 20, 90, 60], flipped.Box(0).ToArray());
        // keypoint 0 (left) takes keypoint 1's mirror and the other way round; keypoint 2 maps to itself.
        Assert.Equal([50f, 20, 2, 90, 20, 2, 90, 60, 1], flipped.KeypointsOf(0).ToArray());
    }

    [Fact]
    public void An_affine_map_moves_keypoints_and_box_together()
    {
        // A quarter turn about (50, 50) in a 100×100 image, scaled by 1.2.
        var m = Affine2D.Translation(50, 50) * Affine2D.RotationScale(90, 1.2) * Affine2D.Translation(-50, -50);
        var moved = One().Transform(m, 100, 100);
        var k = moved.KeypointsOf(0).ToArray();
        var b = moved.Box(0).ToArray();
        for (int j = 0; j < 3; j++)
        {
            var (x, y) = m.Apply(One().Points[j * 3], One().Points[(j * 3) + 1]);
            Assert.Equal(x, k[j * 3], 3);
            Assert.Equal(y, k[(j * 3) + 1], 3);
            Assert.InRange(k[j * 3], b[0] - 1e-3, b[2] + 1e-3);
            Assert.InRange(k[(j * 3) + 1], b[1] - 1e-3, b[3] + 1e-3);
        }

        // The box is the bounds of the turned corners: 40·1.2 = 48 wide and high.
        Assert.Equal(48, b[2] - b[0], 3);
        Assert.Equal(48, b[3] - b[1], 3);
        Assert.Equal([2f, 2, 1], [k[2], k[5], k[8]]);
    }

    [Fact]
    public void Keypoints_moved_outside_the_image_get_visibility_zero()
    {
        var moved = One().Transform(Affine2D.Translation(-15, 0), 100, 100);
        var k = moved.KeypointsOf(0).ToArray();
        Assert.Equal(0, k[2]);  // x 10 → −5
        Assert.Equal(2, k[5]);  // x 50 → 35 stays
        Assert.Equal(0, k[8]);
        Assert.Equal([0f, 20, 35, 60], moved.Box(0).ToArray());
    }

    [Fact]
    public void An_object_moved_almost_entirely_out_of_the_image_is_dropped()
    {
        Assert.Equal(0, One().Transform(Affine2D.Translation(-48, 0), 100, 100).Count);
        Assert.Equal(1, One().Transform(Affine2D.Translation(-20, 0), 100, 100).Count);
    }
}
