using static TorchSharp.torch;

namespace EdgePose.Train.Loss;

/// <summary>The assigner's targets per anchor: class [B, A], box [B, A, 4] (as the ground truth's), soft scores [B, A, C], foreground [B, A], ground-truth index [B, A].</summary>
public sealed record AssignedTargets(Tensor Labels, Tensor Boxes, Tensor Scores, Tensor Foreground, Tensor GtIndex);

/// <summary>
/// Task-aligned assignment (TOOD, as YOLOv8 uses it): for each ground-truth box, the anchors whose centre lies
/// inside it are ranked by t = s^α · IoU^β (s the predicted score of the box's class, IoU the CIoU of the
/// predicted box, clamped at 0); the top k become positives. An anchor claimed by several boxes keeps the one
/// it overlaps most. The positive's target score is its class one-hot times t normalised so that each box's
/// best anchor gets that box's best IoU. Defaults: k 10, α 0.5, β 6.
/// </summary>
public sealed class TaskAlignedAssigner(int classes, int topk = 10, double alpha = 0.5, double beta = 6.0, double eps = 1e-9)
{
    public int TopK { get; } = topk;

    public double Alpha { get; } = alpha;

    public double Beta { get; } = beta;

    /// <summary>
    /// pdScores [B, A, C] (probabilities), pdBoxes [B, A, 4] and gtBoxes [B, M, 4] in x1 y1 x2 y2 pixels, anchors [A, 2]
    /// in pixels, gtLabels [B, M, 1], maskGt [B, M, 1] (1 for real boxes, 0 for padding).
    /// </summary>
    public AssignedTargets Assign(Tensor pdScores, Tensor pdBoxes, Tensor anchors, Tensor gtLabels, Tensor gtBoxes, Tensor maskGt)
    {
        using var noGrad = no_grad();
        long b = pdScores.shape[0], a = pdScores.shape[1], m = gtBoxes.shape[1];
        var device = pdScores.device;
        if (m == 0)
        {
            return new AssignedTargets(
                full(b, a, classes, dtype: ScalarType.Int64, device: device), zeros_like(pdBoxes), zeros_like(pdScores),
                zeros(b, a, dtype: ScalarType.Bool, device: device), zeros(b, a, dtype: ScalarType.Int64, device: device));
        }

        var maskGtF = maskGt.to_type(pdScores.dtype);
        var inGts = AnchorsInBoxes(anchors, gtBoxes).to_type(pdScores.dtype);
        var (align, overlaps) = Metrics(pdScores, pdBoxes, gtLabels, gtBoxes, (inGts * maskGtF).to_type(ScalarType.Bool));
        var topMask = maskGt.to_type(ScalarType.Bool).expand(-1, -1, Math.Min(TopK, a));
        var maskPos = TopCandidates(align, topMask) * inGts * maskGtF;
        var (gtIndex, fg, pos) = HighestOverlaps(maskPos, overlaps);
        var (labels, boxes, scores) = Targets(gtLabels, gtBoxes, gtIndex, fg);

        align = align * pos;
        var posAlign = align.amax([-1], keepdim: true);
        var posOverlaps = (overlaps * pos).amax([-1], keepdim: true);
        var norm = (align * posOverlaps / (posAlign + eps)).amax([-2]).unsqueeze(-1);
        return new AssignedTargets(labels, boxes, scores * norm, fg.gt(0), gtIndex);
    }

    /// <summary>[B, M, A]: whether each anchor centre lies strictly inside each box.</summary>
    public static Tensor AnchorsInBoxes(Tensor anchors, Tensor gtBoxes, double eps = 1e-9)
    {
        long b = gtBoxes.shape[0], m = gtBoxes.shape[1], a = anchors.shape[0];
        var ltrb = gtBoxes.view(-1, 1, 4).chunk(2, 2);
        var deltas = cat([anchors.unsqueeze(0) - ltrb[0], ltrb[1] - anchors.unsqueeze(0)], 2).view(b, m, a, -1);
        return deltas.amin([3]).gt(eps);
    }

    private (Tensor Align, Tensor Overlaps) Metrics(Tensor pdScores, Tensor pdBoxes, Tensor gtLabels, Tensor gtBoxes, Tensor mask)
    {
        long a = pdScores.shape[1], m = gtBoxes.shape[1];
        var classIndex = gtLabels.to_type(ScalarType.Int64).clamp(0, pdScores.shape[2] - 1).expand(-1, -1, a);
        var scores = pdScores.permute(0, 2, 1).gather(1, classIndex);
        var ciou = BoxIou.Ciou(gtBoxes.unsqueeze(2).expand(-1, -1, a, -1), pdBoxes.unsqueeze(1).expand(-1, m, -1, -1)).squeeze(-1).clamp_min(0);
        var zero = zeros_like(scores);
        var boxScores = where(mask, scores, zero);
        var overlaps = where(mask, ciou.to_type(scores.dtype), zero);
        return (boxScores.pow(Alpha) * overlaps.pow(Beta), overlaps);
    }

    /// <summary>1 for the top-k anchors of each real box; padded boxes and anchors picked twice count 0.</summary>
    private static Tensor TopCandidates(Tensor metrics, Tensor topMask)
    {
        var k = topMask.shape[2];
        var idx = metrics.topk((int)k, dim: -1, largest: true).indexes.masked_fill(topMask.logical_not(), 0);
        var count = zeros(metrics.shape, dtype: ScalarType.Int8, device: metrics.device);
        var ones = ones_like(idx[.., .., ..1], dtype: ScalarType.Int8);
        for (var i = 0; i < (int)k; i++)
        {
            count.scatter_add_(-1, idx[.., .., i..(i + 1)], ones);
        }

        count.masked_fill_(count.gt(1), 0);
        return count.to_type(metrics.dtype);
    }

    private static (Tensor GtIndex, Tensor Fg, Tensor MaskPos) HighestOverlaps(Tensor maskPos, Tensor overlaps)
    {
        long m = maskPos.shape[1];
        var fg = maskPos.sum([-2]);
        if (fg.max().item<float>() > 1)
        {
            var multi = fg.unsqueeze(1).gt(1).expand(-1, m, -1);
            var best = overlaps.argmax(1).unsqueeze(1);
            var isMax = zeros_like(maskPos).scatter_(1, best, ones_like(best, dtype: maskPos.dtype));
            maskPos = where(multi, isMax, maskPos);
            fg = maskPos.sum([-2]);
        }

        return (maskPos.argmax(-2), fg, maskPos);
    }

    private (Tensor Labels, Tensor Boxes, Tensor Scores) Targets(Tensor gtLabels, Tensor gtBoxes, Tensor gtIndex, Tensor fg)
    {
        long b = gtIndex.shape[0], a = gtIndex.shape[1], m = gtBoxes.shape[1];
        var flat = (gtIndex + (arange(b, dtype: ScalarType.Int64, device: gtIndex.device).unsqueeze(1) * m)).flatten();
        var labels = gtLabels.to_type(ScalarType.Int64).flatten().index_select(0, flat).view(b, a).clamp_min(0);
        var boxes = gtBoxes.view(-1, 4).index_select(0, flat).view(b, a, 4);
        var oneHot = nn.functional.one_hot(labels, classes).to_type(gtBoxes.dtype);
        var scores = where(fg.unsqueeze(-1).gt(0), oneHot, zeros_like(oneHot));
        return (labels, boxes, scores);
    }
}
