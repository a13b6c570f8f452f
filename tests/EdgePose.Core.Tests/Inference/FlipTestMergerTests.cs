using EdgePose.Core.Errors;
using EdgePose.Core.Inference;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Tests.Inference;

/// <summary>
/// Hand-made flip-test merges on a 100 px wide image with 3 keypoints: 0 nose (its own mirror), 1 left eye and
/// 2 right eye (each other's mirror). A mirrored detection at x1..x2 maps back to 100 − x2 .. 100 − x1.
/// </summary>
public class FlipTestMergerTests
{
    private const float Width = 100;
    private static readonly int[] s_flip = [0, 2, 1];

    [Fact]
    public void Mirrored_detection_is_mapped_back_with_left_and_right_swapped_and_averaged_with_its_original()
    {
        var original = Detections((10, 20, 50, 80, 0.8f, [(30, 30, 0.9f), (25, 28, 0.8f), (35, 28, 0.6f)]));
        // The same person seen in the mirror: box 50..90; the mirror's "left eye" (x 74) is the original's right eye.
        var mirrored = Detections((52, 22, 90, 82, 0.6f, [(68, 32, 0.7f), (74, 30, 0.4f), (64, 30, 1.0f)]));

        var merged = Merge(original, mirrored);

        Assert.Equal(1, merged.Count);
        Assert.Equal([10f, 21f, 49f, 81f], merged.Box(0).ToArray());
        Assert.Equal(0.7f, merged.Score(0), 6);
        // nose: (30, 30, .9) and (100 − 68, 32, .7); left eye: (25, 28, .8) and (100 − 64, 30, 1.0); right eye: (35, 28, .6) and (100 − 74, 30, .4).
        Assert.Equal([31f, 31f, 0.8f, 30.5f, 29f, 0.9f, 30.5f, 29f, 0.5f], merged.Keypoints(0).ToArray(), new FloatComparer(1e-5f));
    }

    [Fact]
    public void Unmatched_original_detection_is_kept_and_unmatched_mirrored_detection_is_dropped()
    {
        var original = Detections((0, 0, 20, 20, 0.5f, Kps(10, 10)));
        var mirrored = Detections((0, 0, 20, 20, 0.9f, Kps(10, 10))); // maps back to 80..100: no overlap

        var merged = Merge(original, mirrored);

        Assert.Equal(1, merged.Count);
        Assert.Equal([0f, 0f, 20f, 20f], merged.Box(0).ToArray());
        Assert.Equal(0.5f, merged.Score(0));
        Assert.Equal(original.Keypoints(0).ToArray(), merged.Keypoints(0).ToArray());
    }

    [Fact]
    public void Higher_scored_original_takes_the_shared_mirrored_partner_first()
    {
        // Two originals on the same spot; only one mirrored detection there (maps back to 10..50).
        var original = Detections((10, 10, 50, 50, 0.3f, Kps(0, 0)), (10, 10, 50, 50, 0.9f, Kps(0, 0)));
        var mirrored = Detections((50, 10, 90, 50, 0.5f, Kps(100, 0)));

        var merged = Merge(original, mirrored);

        Assert.Equal(2, merged.Count);
        Assert.Equal(0.7f, merged.Score(0), 6); // (0.9 + 0.5) / 2, the paired one
        Assert.Equal(1, merged.Anchor(0));
        Assert.Equal(0.3f, merged.Score(1)); // left alone
        Assert.Equal(0, merged.Anchor(1));
    }

    [Fact]
    public void Original_pairs_with_the_mirrored_detection_it_overlaps_most()
    {
        var original = Detections((10, 10, 50, 50, 0.9f, Kps(0, 0)));
        var mirrored = Detections(
            (50, 10, 86, 50, 0.9f, Kps(0, 0)),  // back: 14..50, IoU 0.9
            (50, 10, 90, 50, 0.2f, Kps(0, 0))); // back: 10..50, IoU 1.0

        var merged = Merge(original, mirrored);

        Assert.Equal(0.55f, merged.Score(0), 6);
        Assert.Equal(10f, merged.Box(0)[0]);
    }

    [Fact]
    public void Overlap_below_the_match_iou_or_another_class_is_not_paired()
    {
        var original = Detections((10, 10, 50, 50, 0.9f, Kps(0, 0)));
        var shifted = Detections((30, 10, 70, 50, 0.9f, Kps(0, 0))); // back: 30..70, IoU 1/3
        var otherClass = Detections((50, 10, 90, 50, 0.9f, Kps(0, 0)));
        otherClass = WithClass(otherClass, 1);

        Assert.Equal(0.9f, Merge(original, shifted).Score(0));
        Assert.Equal(0.9f, Merge(original, otherClass).Score(0));
        Assert.Equal(10f, Merge(original, shifted).Box(0)[0]);
        Assert.Equal(20f, Merge(original, shifted, new FlipTestOptions { MatchIou = 0.2 }).Box(0)[0]);
    }

    [Fact]
    public void Merged_detections_are_ordered_by_their_merged_score()
    {
        var original = Detections((0, 0, 10, 10, 0.8f, Kps(0, 0)), (60, 0, 70, 10, 0.7f, Kps(0, 0)));
        var mirrored = Detections((90, 0, 100, 10, 0.2f, Kps(0, 0)), (30, 0, 40, 10, 0.9f, Kps(0, 0)));

        var merged = Merge(original, mirrored);

        Assert.Equal(0.8f, merged.Score(0), 6);
        Assert.Equal(0.5f, merged.Score(1), 6);
        Assert.Equal([1, 0], [merged.Anchor(0), merged.Anchor(1)]);
    }

    [Fact]
    public void No_detections_in_either_pass_give_none()
    {
        Assert.Equal(0, Merge(Detections(), Detections()).Count);
        Assert.Equal(0, Merge(Detections(), Detections((0, 0, 10, 10, 0.9f, Kps(0, 0)))).Count);
    }

    [Theory]
    [InlineData(new[] { 0, 2, 2 })]
    [InlineData(new[] { 1, 2, 0 })]
    [InlineData(new[] { 0, 1, 3 })]
    public void Flip_index_that_is_not_a_symmetric_permutation_of_the_keypoints_is_rejected(int[] flip)
    {
        var e = Assert.Throws<InputException>(() => new FlipTestMerger(flip));
        Assert.Contains("flip_idx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detections_with_another_keypoint_count_than_the_flip_index_are_rejected()
    {
        var merger = new FlipTestMerger([0, 1]);
        Assert.Throws<ArgumentException>(() => merger.Merge(Detections(), Detections(), Width, new PoseDetections(4, 3)));
    }

    private static PoseDetections Merge(PoseDetections original, PoseDetections mirrored, FlipTestOptions? options = null)
    {
        var merged = new PoseDetections(8, 3);
        new FlipTestMerger(s_flip, options).Merge(original, mirrored, Width, merged);
        return merged;
    }

    private static (float X, float Y, float S)[] Kps(float x, float y) => [(x, y, 1), (x, y, 1), (x, y, 1)];

    private static PoseDetections Detections(params (float X1, float Y1, float X2, float Y2, float Score, (float X, float Y, float S)[] Kps)[] items)
    {
        var d = new PoseDetections(8, 3);
        foreach (var it in items)
        {
            int i = d.Add(it.X1, it.Y1, it.X2, it.Y2, it.Score, 0, d.Count);
            var kp = d.Keypoints(i);
            for (int k = 0; k < 3; k++)
            {
                (kp[3 * k], kp[(3 * k) + 1], kp[(3 * k) + 2]) = it.Kps[k];
            }
        }

        return d;
    }

    private static PoseDetections WithClass(PoseDetections d, int classId)
    {
        var r = new PoseDetections(8, 3);
        for (int i = 0; i < d.Count; i++)
        {
            var b = d.Box(i);
            int j = r.Add(b[0], b[1], b[2], b[3], d.Score(i), classId, d.Anchor(i));
            d.Keypoints(i).CopyTo(r.Keypoints(j));
        }

        return r;
    }

    private sealed class FloatComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
