using static TorchSharp.torch;

namespace EdgePose.Train.Loss;

/// <summary>
/// Distribution focal loss: a side length t in grid units (0 ≤ t &lt; regMax − 1) is the blend of its two
/// neighbouring bins, ⌊t⌋ with weight ⌊t⌋ + 1 − t and ⌊t⌋ + 1 with weight t − ⌊t⌋; the loss is the weighted
/// cross-entropy of the predicted bin logits against both, averaged over the four sides.
/// </summary>
public static class DistributionFocalLoss
{
    /// <summary>predDist [N·4, regMax] logits, target [N, 4] → [N, 1].</summary>
    public static Tensor Compute(Tensor predDist, Tensor target)
    {
        var tl = target.to_type(ScalarType.Int64);
        var tr = tl + 1;
        var wl = tr.to_type(target.dtype) - target;
        var wr = 1 - wl;
        var left = nn.functional.cross_entropy(predDist, tl.view(-1), reduction: nn.Reduction.None).view(tl.shape) * wl;
        var right = nn.functional.cross_entropy(predDist, tr.view(-1), reduction: nn.Reduction.None).view(tl.shape) * wr;
        return (left + right).mean([-1], keepdim: true);
    }
}
