using EdgePose.Train.Loss;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Loss;

public sealed class BoxIouTests
{
    private static float Ciou(float[] a, float[] b) => BoxIou.Ciou(tensor(a), tensor(b)).item<float>();

    [Fact]
    public void Identical_boxes_have_ciou_one() => Assert.Equal(1f, Ciou([1, 2, 5, 4], [1, 2, 5, 4]), 5);

    [Fact]
    public void Shifted_squares_lose_the_centre_distance_term()
    {
        // IoU 1/7; enclosing box 3×3 → c² = 18; centres (1,1) and (2,2) → ρ² = 2; same aspect → v = 0.
        Assert.Equal((1.0 / 7) - (2.0 / 18), Ciou([0, 0, 2, 2], [1, 1, 3, 3]), 5);
    }

    [Fact]
    public void Different_aspect_ratios_add_the_v_term()
    {
        // IoU 4/8; c² = 4² + 2² = 20; ρ² = 1; v = 4/π²·(atan 2 − atan 1)² = 0.0419569; α = v/(v + 0.5) = 0.0774182.
        var v = 4 / (Math.PI * Math.PI) * Math.Pow(Math.Atan(2) - Math.Atan(1), 2);
        var expected = 0.5 - ((1.0 / 20) + (v * v / (v + 0.5)));
        Assert.Equal(0.446752, expected, 5);
        Assert.Equal(expected, Ciou([0, 0, 2, 2], [0, 0, 4, 2]), 5);
    }

    [Fact]
    public void Disjoint_boxes_go_below_zero()
    {
        // IoU 0; enclosing 4×1 → c² = 17; centres 3 apart → ρ² = 9.
        Assert.Equal(-9.0 / 17, Ciou([0, 0, 1, 1], [3, 0, 4, 1]), 5);
    }
}
