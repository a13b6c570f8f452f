using EdgePose.Core.Evaluation;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Tests.Evaluation;

public class SimilarityTests
{
    private static readonly double[] s_variances = ObjectKeypointSimilarity.Variances(KeypointMeta.Coco17.Sigmas);

    [Fact]
    public void Identical_keypoints_have_similarity_one()
    {
        var gt = Grid(2);
        Assert.Equal(1.0, Oks(gt, gt, [0, 0, 100, 200], 20000), 15);
    }

    [Fact]
    public void One_keypoint_off_by_d_loses_exp_of_minus_d_squared_over_two_area_four_sigma_squared()
    {
        var gt = Grid(2);
        var dt = Grid(0.5);
        dt[5 * 3] += 10; // left shoulder, sigma 0.079
        double area = 20000;
        double term = Math.Exp(-(100 / (4 * 0.079 * 0.079) / area / 2));
        Assert.Equal((16 + term) / 17, Oks(dt, gt, [0, 0, 100, 200], area), 15);
    }

    [Fact]
    public void Keypoints_with_v_zero_are_left_out_of_the_mean()
    {
        var gt = Grid(2);
        var dt = Grid(0.5);
        gt[2] = 0;
        dt[0] += 500;
        Assert.Equal(1.0, Oks(dt, gt, [0, 0, 100, 200], 20000), 15);
        dt[3] += 10;
        double term = Math.Exp(-(100 / (4 * 0.025 * 0.025) / 20000 / 2));
        Assert.Equal((15 + term) / 16, Oks(dt, gt, [0, 0, 100, 200], 20000), 15);
    }

    [Fact]
    public void Without_labelled_keypoints_distance_is_measured_to_the_box_grown_by_its_size_on_every_side()
    {
        var gt = new double[17 * 3];
        var inside = Grid(1);
        for (int k = 0; k < 17; k++)
        {
            inside[k * 3] = -90; // within [x - w, x + 2w] = [-100, 200]
        }

        Assert.Equal(1.0, Oks(inside, gt, [0, 0, 100, 200], 20000), 15);

        var outside = (double[])inside.Clone();
        outside[0] = -110; // nose 10 px left of the grown box
        double term = Math.Exp(-(100 / (4 * 0.026 * 0.026) / 20000 / 2));
        Assert.Equal((16 + term) / 17, Oks(outside, gt, [0, 0, 100, 200], 20000), 15);
    }

    [Fact]
    public void Box_iou_divides_by_the_union()
    {
        Assert.Equal(50.0 * 100 / ((2 * 100 * 100) - (50 * 100)), BoxIntersectionOverUnion.Compute([50, 0, 100, 100], [0, 0, 100, 100], false), 15);
        Assert.Equal(0, BoxIntersectionOverUnion.Compute([100, 0, 100, 100], [0, 0, 100, 100], false));
    }

    [Fact]
    public void Box_iou_of_corners_equals_box_iou_of_the_same_boxes_as_x_y_w_h()
    {
        Assert.Equal(BoxIntersectionOverUnion.Compute([50, 10, 100, 80], [0, 0, 100, 100], false), BoxIntersectionOverUnion.OfCorners([50, 10, 150, 90], [0, 0, 100, 100]), 15);
        Assert.Equal(1.0, BoxIntersectionOverUnion.OfCorners([1, 2, 3, 4], [1, 2, 3, 4]), 15);
        Assert.Equal(0, BoxIntersectionOverUnion.OfCorners([0, 0, 10, 10], [10, 0, 20, 10]));
        Assert.Equal(0, BoxIntersectionOverUnion.OfCorners([5, 5, 5, 5], [0, 0, 10, 10]));
    }

    [Fact]
    public void Box_iou_against_a_crowd_region_divides_by_the_detection_area()
    {
        Assert.Equal(1.0, BoxIntersectionOverUnion.Compute([10, 10, 20, 20], [0, 0, 100, 100], true), 15);
        Assert.Equal(0.5, BoxIntersectionOverUnion.Compute([90, 0, 20, 20], [0, 0, 100, 100], true), 15);
    }

    [Fact]
    public void Thresholds_are_numpy_linspace_values_so_0_75_and_0_5_compare_equal()
    {
        var t = CocoEvaluationParameters.DefaultIouThresholds();
        Assert.Equal(10, t.Length);
        Assert.Equal(0.5, t[0]);
        Assert.Equal(0.75, t[5]);
        Assert.Equal(0.95, t[9]);
        var r = CocoEvaluationParameters.DefaultRecallThresholds();
        Assert.Equal(101, r.Length);
        Assert.Equal(1.0, r[100]);
        Assert.Equal(0.5, r[50]);
    }

    private static double Oks(double[] dt, double[] gt, double[] box, double area) =>
        ObjectKeypointSimilarity.Compute(dt, gt, box, area, s_variances, new double[17]);

    private static double[] Grid(double third)
    {
        var kp = new double[17 * 3];
        for (int k = 0; k < 17; k++)
        {
            kp[k * 3] = 10 + (5 * k);
            kp[(k * 3) + 1] = 20 + (7 * k);
            kp[(k * 3) + 2] = third;
        }

        return kp;
    }
}
