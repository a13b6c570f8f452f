using EdgePose.Core.Decoding;
using EdgePose.Core.Poses;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Decoding;

public class RawPoseDecoderTests
{
    private static readonly DecodeOptions Predict = new() { Confidence = 0.25f, Iou = 0.7, MaxDetections = 300 };

    private static (SyntheticOutput Out, RawPoseDecoder Decoder, PoseDetections Det) Make(int rows, int nc = 1, int k = 2, int d = 3, OutputLayoutKind kind = OutputLayoutKind.RawChannelsFirst)
    {
        var layout = new OutputLayout(kind, 1, rows, nc, k, d);
        return (new SyntheticOutput(layout), new RawPoseDecoder(layout), new PoseDetections(300, k));
    }

    [Fact]
    public void Scores_at_or_below_the_threshold_are_dropped_and_boxes_become_corners()
    {
        var (o, dec, det) = Make(4);
        o.Anchor(0, 100, 100, 20, 40, [0.25f]);
        o.Anchor(1, 300, 300, 10, 10, [0.2501f], x0: 5, y0: 6);
        o.Anchor(2, 500, 500, 10, 10, [0.1f]);
        dec.Decode(o.Data, 0, Predict, det);
        Assert.Equal(1, det.Count);
        Assert.Equal([295f, 295f, 305f, 305f], det.Box(0).ToArray());
        Assert.Equal(1, det.Anchor(0));
        Assert.Equal([5f, 6f, 0.5f, 6f, 7f, 0.5f], det.Keypoints(0).ToArray());
    }

    [Fact]
    public void Equal_scores_keep_the_lower_anchor_like_a_stable_sort()
    {
        var (o, dec, det) = Make(8);
        for (int r = 7; r >= 2; r--)
        {
            o.Anchor(r, 100 + r, 100, 50, 50, [0.8f]); // all overlap heavily, same score
        }

        dec.Decode(o.Data, 0, Predict, det);
        Assert.Equal(1, det.Count);
        Assert.Equal(2, det.Anchor(0));
    }

    [Fact]
    public void Overlap_exactly_at_the_iou_threshold_is_kept_and_above_is_suppressed()
    {
        var (o, dec, det) = Make(3);
        // Boxes of 10x10 shifted by 6 px: IoU = 40 / 160 = 0.25 exactly.
        o.Anchor(0, 5, 5, 10, 10, [0.9f]);
        o.Anchor(1, 11, 5, 10, 10, [0.8f]);
        dec.Decode(o.Data, 0, Predict with { Iou = 0.25 }, det);
        Assert.Equal(2, det.Count);
        dec.Decode(o.Data, 0, Predict with { Iou = 0.2499 }, det);
        Assert.Equal(1, det.Count);
        Assert.Equal(0, det.Anchor(0));
    }

    [Fact]
    public void Overlapping_boxes_of_different_classes_survive_unless_agnostic()
    {
        var (o, dec, det) = Make(2, nc: 2);
        o.Anchor(0, 50, 50, 40, 40, [0.9f, 0.1f]);
        o.Anchor(1, 51, 50, 40, 40, [0.1f, 0.8f]);
        dec.Decode(o.Data, 0, Predict, det);
        Assert.Equal(2, det.Count);
        Assert.Equal([0, 1], new[] { det.ClassId(0), det.ClassId(1) });
        Assert.Equal([30f, 30f, 70f, 70f], det.Box(0).ToArray()); // boxes come back without the class offset
        Assert.Equal([31f, 30f, 71f, 70f], det.Box(1).ToArray());
        dec.Decode(o.Data, 0, Predict with { ClassAgnostic = true }, det);
        Assert.Equal(1, det.Count);
    }

    [Fact]
    public void Multi_label_gives_one_candidate_per_class_above_the_threshold()
    {
        var (o, dec, det) = Make(1, nc: 3);
        o.Anchor(0, 50, 50, 40, 40, [0.6f, 0.5f, 0.1f]);
        dec.Decode(o.Data, 0, Predict, det);
        Assert.Equal(1, det.Count);
        dec.Decode(o.Data, 0, Predict with { MultiLabel = true }, det);
        Assert.Equal(2, det.Count);
        Assert.Equal((0, 0.6f), (det.ClassId(0), det.Score(0)));
        Assert.Equal((1, 0.5f), (det.ClassId(1), det.Score(1)));
    }

    [Fact]
    public void At_most_max_det_detections_are_kept_best_first()
    {
        var (o, dec, det) = Make(10);
        for (int r = 0; r < 10; r++)
        {
            o.Anchor(r, 20 + (r * 50), 20, 10, 10, [0.3f + (r * 0.05f)]);
        }

        dec.Decode(o.Data, 0, Predict with { MaxDetections = 3 }, det);
        Assert.Equal([9, 8, 7], Enumerable.Range(0, det.Count).Select(det.Anchor));
    }

    [Fact]
    public void Candidate_limit_keeps_the_highest_scores_before_nms()
    {
        var (o, dec, det) = Make(10);
        for (int r = 0; r < 10; r++)
        {
            o.Anchor(r, 20 + (r * 50), 20, 10, 10, [0.3f + (r * 0.05f)]);
        }

        dec.Decode(o.Data, 0, Predict with { MaxCandidates = 4 }, det);
        Assert.Equal([9, 8, 7, 6], Enumerable.Range(0, det.Count).Select(det.Anchor));
    }

    [Fact]
    public void Channels_last_layout_decodes_the_same_as_channels_first()
    {
        var (a, decA, detA) = Make(5);
        var (b, decB, detB) = Make(5, kind: OutputLayoutKind.RawChannelsLast);
        foreach (var o in new[] { a, b })
        {
            o.Anchor(1, 100, 80, 30, 60, [0.7f], 1, 2);
            o.Anchor(3, 300, 80, 30, 60, [0.9f], 3, 4);
        }

        decA.Decode(a.Data, 0, Predict, detA);
        decB.Decode(b.Data, 0, Predict, detB);
        Assert.Equal(2, detB.Count);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(detA.Box(i).ToArray(), detB.Box(i).ToArray());
            Assert.Equal(detA.Keypoints(i).ToArray(), detB.Keypoints(i).ToArray());
        }
    }

    [Fact]
    public void Two_value_keypoints_get_score_one()
    {
        var (o, dec, det) = Make(1, d: 2);
        o.Anchor(0, 50, 50, 10, 10, [0.9f], 7, 8);
        dec.Decode(o.Data, 0, Predict, det);
        Assert.Equal([7f, 8f, 1f, 8f, 9f, 1f], det.Keypoints(0).ToArray());
    }

    [Fact]
    public void Second_image_of_a_batch_is_read_from_its_own_slice()
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 2, 3, 1, 1, 3);
        var o = new SyntheticOutput(layout);
        o.Set(2, 0, 40, batch: 1);
        o.Set(2, 1, 40, batch: 1);
        o.Set(2, 2, 10, batch: 1);
        o.Set(2, 3, 10, batch: 1);
        o.Set(2, 4, 0.9f, batch: 1);
        var det = new PoseDetections(10, 1);
        var dec = new RawPoseDecoder(layout);
        dec.Decode(o.Data, 0, Predict, det);
        Assert.Equal(0, det.Count);
        dec.Decode(o.Data, 1, Predict, det);
        Assert.Equal(1, det.Count);
        Assert.Equal(2, det.Anchor(0));
    }

    [Fact]
    public void Decoding_again_allocates_nothing()
    {
        var (o, dec, det) = Make(200);
        for (int r = 0; r < 200; r++)
        {
            o.Anchor(r, (r % 20) * 30, (r / 20) * 30, 40, 40, [0.3f + ((r % 7) * 0.1f)]);
        }

        dec.Decode(o.Data, 0, Predict, det);
        Assert.Equal(0, SteadyAllocation.Least(() =>
        {
            for (int i = 0; i < 10; i++)
            {
                dec.Decode(o.Data, 0, Predict, det);
            }
        }));
    }
}
