using EdgePose.Train.Models;
using EdgePose.Train.Models.Modules;
using static TorchSharp.torch;

namespace EdgePose.Train.Loss;

/// <summary>The loss of one batch: Total (for backward; the weighted sum times the batch size) and the weighted terms, detached.</summary>
public sealed record PoseLossValue(Tensor Total, double Box, double Pose, double Kobj, double Cls, double Dfl);

/// <summary>
/// YOLOv8-pose's loss. The <see cref="TaskAlignedAssigner"/> picks positive anchors and soft class targets;
/// then box: (1 − CIoU) weighted by the target score; dfl: <see cref="DistributionFocalLoss"/> of the side
/// distances; cls: BCE over all anchors; pose: <see cref="KeypointOksLoss"/> of the decoded keypoints of the
/// positives; kobj: BCE of the visibility logits against "labelled". Box, dfl and cls are divided by the sum
/// of target scores. Each term is multiplied by its <see cref="LossGains"/> gain.
/// </summary>
public sealed class PoseLoss
{
    private readonly PoseHead head;
    private readonly TaskAlignedAssigner assigner;
    private readonly KeypointOksLoss oks;
    private readonly LossGains gains;

    public PoseLoss(PoseModel model, LossGains? gains = null, KeypointOksLoss? oks = null)
    {
        head = model.Head;
        assigner = new TaskAlignedAssigner(head.Classes);
        this.oks = oks ?? KeypointOksLoss.ForKeypoints(head.Keypoints);
        this.gains = gains ?? new LossGains();
    }

    public PoseLossValue Compute(PoseHeadOutput output, PoseTargets targets)
    {
        var (feats, kptRaw) = output;
        long b = feats[0].shape[0], regMax = PoseHead.RegMax, k = head.Keypoints, dims = head.Dims;
        var all = cat(feats.Select(f => f.view(b, head.Outputs, -1)).ToArray(), 2).split([4 * regMax, head.Classes], 1);
        var predDist = all[0].permute(0, 2, 1).contiguous();
        var predScores = all[1].permute(0, 2, 1).contiguous();
        var predKpts = kptRaw.permute(0, 2, 1).contiguous().view(b, -1, k, dims);
        var dtype = predScores.dtype;
        long a = predScores.shape[1];
        double height = feats[0].shape[2] * head.Strides[0], width = feats[0].shape[3] * head.Strides[0];
        var (anchors, strides) = Anchors.Make(feats, head.Strides);

        var (gtLabels, gtBoxes, gtKpts) = targets.PerImage(b, height, width);
        var maskGt = gtBoxes.sum([2], keepdim: true).gt(0);
        var proj = arange(regMax, dtype: dtype, device: predDist.device);
        var predBoxes = Anchors.DistToBox(predDist.view(b, a, 4, regMax).softmax(3).matmul(proj), anchors, xywh: false);
        var decoded = DecodeKeypoints(anchors, predKpts);

        var assigned = assigner.Assign(predScores.detach().sigmoid(), (predBoxes.detach() * strides).to_type(gtBoxes.dtype), anchors * strides, gtLabels, gtBoxes, maskGt);
        var scoreSum = Math.Max(assigned.Scores.sum().item<float>(), 1f);
        var cls = nn.functional.binary_cross_entropy_with_logits(predScores, assigned.Scores.to_type(dtype), reduction: nn.Reduction.Sum) / scoreSum;

        var zero = zeros(1, dtype: dtype, device: predScores.device).squeeze();
        Tensor box = zero, dfl = zero, pose = zero, kobj = zero;
        var fg = assigned.Foreground;
        if (fg.any().item<bool>())
        {
            var targetBoxes = assigned.Boxes / strides;
            var weight = assigned.Scores.sum([-1])[fg].unsqueeze(-1);
            var iou = BoxIou.Ciou(predBoxes[fg], targetBoxes[fg]);
            box = ((1.0 - iou) * weight).sum() / scoreSum;
            var targetDist = Anchors.BoxToDist(anchors, targetBoxes, regMax - 1);
            dfl = (DistributionFocalLoss.Compute(predDist[fg].view(-1, regMax), targetDist[fg]) * weight).sum() / scoreSum;

            var index = assigned.GtIndex.unsqueeze(-1).unsqueeze(-1).expand(-1, -1, k, dims);
            var selected = gtKpts.gather(1, index).clone();
            selected[.., .., .., ..2] = selected[.., .., .., ..2] / strides.view(1, -1, 1, 1);
            var gtK = selected[fg];
            var fgBoxes = targetBoxes[fg];
            var area = ((fgBoxes[.., 2] - fgBoxes[.., 0]) * (fgBoxes[.., 3] - fgBoxes[.., 1])).unsqueeze(-1);
            var predK = decoded[fg];
            var labelled = dims == 3 ? gtK[.., .., 2].ne(0) : ones(gtK.shape[0], k, dtype: ScalarType.Bool, device: gtK.device);
            pose = oks.Compute(predK, gtK, labelled, area);
            if (dims == 3)
            {
                kobj = nn.functional.binary_cross_entropy_with_logits(predK[.., .., 2], labelled.to_type(dtype));
            }
        }

        var terms = new[] { box * gains.Box, pose * gains.Pose, kobj * gains.Kobj, cls * gains.Cls, dfl * gains.Dfl };
        var total = stack(terms).sum() * b;
        var v = terms.Select(t => (double)t.detach().item<float>()).ToArray();
        return new PoseLossValue(total, v[0], v[1], v[2], v[3], v[4]);
    }

    /// <summary>Raw keypoint outputs [B, A, K, dims] → x, y in grid units: 2·raw + anchor − 0.5 (visibility stays a logit).</summary>
    public static Tensor DecodeKeypoints(Tensor anchors, Tensor raw)
    {
        var y = raw.clone();
        var ax = anchors[.., 0].view(1, -1, 1);
        var ay = anchors[.., 1].view(1, -1, 1);
        y[.., .., .., 0] = (raw[.., .., .., 0] * 2.0) + (ax - 0.5);
        y[.., .., .., 1] = (raw[.., .., .., 1] * 2.0) + (ay - 0.5);
        return y;
    }
}
