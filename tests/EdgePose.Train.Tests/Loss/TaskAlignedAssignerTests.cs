using EdgePose.Train.Loss;
using static TorchSharp.torch;

namespace EdgePose.Train.Tests.Loss;

/// <summary>
/// Hand-computed assignments. Anchors a0 (2,2), a1 (6,2), a2 (2,6), a3 (10,10); box g1 = [0,0,8,4] holds a0
/// and a1, box g2 = [0,0,4,8] holds a0 and a2. Predicted boxes: a0 = g1 (CIoU 1 with g1), a1 = [2,1,6,3]
/// (same centre and aspect as g1, IoU 0.25), a2 = g2, a3 far away. Class-0 scores 0.5 everywhere.
/// </summary>
public sealed class TaskAlignedAssignerTests
{
    private static readonly Tensor Anchors = tensor(new float[] { 2, 2, 6, 2, 2, 6, 10, 10 }).view(4, 2);
    private static readonly Tensor PredBoxes = tensor(new float[] { 0, 0, 8, 4, 2, 1, 6, 3, 0, 0, 4, 8, 9, 9, 11, 11 }).view(1, 4, 4);
    private static readonly Tensor Scores = tensor(new float[] { 0.5f, 0.1f, 0.5f, 0.1f, 0.5f, 0.1f, 0.5f, 0.1f }).view(1, 4, 2);

    [Fact]
    public void One_box_takes_its_top_k_anchors_inside_it_with_scores_normalised_to_its_best_iou()
    {
        var assigner = new TaskAlignedAssigner(classes: 2, topk: 2);
        var r = assigner.Assign(Scores, PredBoxes, Anchors, zeros(1, 1, 1), tensor(new float[] { 0, 0, 8, 4 }).view(1, 1, 4), ones(1, 1, 1));

        Assert.Equal(new[] { true, true, false, false }, r.Foreground[0].data<bool>().ToArray());
        // t = 0.5^0.5 · IoU^6: a0 0.7071, a1 0.7071·0.25⁶; normalised by the best t (a0) times the best IoU (1).
        var s = r.Scores[0, .., 0].data<float>().ToArray();
        Assert.Equal(1f, s[0], 4);
        Assert.Equal(Math.Pow(0.25, 6), s[1], 6);
        Assert.Equal(0f, s[2]);
        Assert.Equal(0f, r.Scores[0, .., 1].abs().sum().item<float>());
        Assert.Equal(new float[] { 0, 0, 8, 4 }, r.Boxes[0, 1].data<float>().ToArray());
    }

    [Fact]
    public void An_anchor_claimed_by_two_boxes_goes_to_the_one_it_overlaps_most()
    {
        var assigner = new TaskAlignedAssigner(classes: 2, topk: 2);
        var gt = tensor(new float[] { 0, 0, 8, 4, 0, 0, 4, 8 }).view(1, 2, 4);
        var r = assigner.Assign(Scores, PredBoxes, Anchors, tensor(new float[] { 0, 1 }).view(1, 2, 1), gt, ones(1, 2, 1));

        Assert.Equal(new[] { true, true, true, false }, r.Foreground[0].data<bool>().ToArray());
        Assert.Equal(new long[] { 0, 0, 1 }, r.GtIndex[0, ..3].data<long>().ToArray());
        Assert.Equal(new long[] { 0, 0, 1 }, r.Labels[0, ..3].data<long>().ToArray());
        // a2 is g2's only positive and overlaps it fully: class-1 score 1 (t = 0.1^0.5 · 1 normalised by itself).
        Assert.Equal(1f, r.Scores[0, 2, 1].item<float>(), 4);
        Assert.Equal(0f, r.Scores[0, 2, 0].item<float>());
        Assert.Equal(1f, r.Scores[0, 0, 0].item<float>(), 4);
    }

    [Fact]
    public void Padded_boxes_assign_nothing()
    {
        var assigner = new TaskAlignedAssigner(classes: 2, topk: 2);
        var gt = tensor(new float[] { 0, 0, 8, 4, 0, 0, 0, 0 }).view(1, 2, 4);
        var mask = tensor(new float[] { 1, 0 }).view(1, 2, 1);
        var r = assigner.Assign(Scores, PredBoxes, Anchors, zeros(1, 2, 1), gt, mask);
        Assert.Equal(new[] { true, true, false, false }, r.Foreground[0].data<bool>().ToArray());
        Assert.Equal(0L, r.GtIndex[0].sum().item<long>());
    }

    [Fact]
    public void No_boxes_leave_every_anchor_background()
    {
        var r = new TaskAlignedAssigner(classes: 2).Assign(Scores, PredBoxes, Anchors, zeros(1, 0, 1), zeros(1, 0, 4), zeros(1, 0, 1));
        Assert.False(r.Foreground.any().item<bool>());
        Assert.Equal(0f, r.Scores.sum().item<float>());
        Assert.Equal(2L, r.Labels.min().item<long>());
    }

    [Fact]
    public void Defaults_are_ultralytics()
    {
        var a = new TaskAlignedAssigner(classes: 1);
        Assert.Equal((10, 0.5, 6.0), (a.TopK, a.Alpha, a.Beta));
    }

    [Fact]
    public void Anchors_on_a_box_edge_are_outside()
    {
        var inside = TaskAlignedAssigner.AnchorsInBoxes(tensor(new float[] { 2, 2, 8, 2, 4, 4.5f }).view(3, 2), tensor(new float[] { 0, 0, 8, 4 }).view(1, 1, 4));
        Assert.Equal(new[] { true, false, false }, inside[0, 0].data<bool>().ToArray());
    }
}
