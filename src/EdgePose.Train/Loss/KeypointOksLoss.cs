using EdgePose.Core.Meta;
using static TorchSharp.torch;

namespace EdgePose.Train.Loss;

/// <summary>
/// Keypoint location loss from Object Keypoint Similarity: per labelled keypoint 1 − exp(−d² / (2·(2σ)²·area)),
/// σ the keypoint's sigma and area the target box's, scaled by K / (labelled keypoints) per instance and
/// averaged. Sigmas: COCO's for 17 keypoints, 1/K each otherwise (<see cref="KeypointMeta.ForKeypointCount"/>).
/// </summary>
public sealed class KeypointOksLoss
{
    private readonly float[] sigmas;

    public KeypointOksLoss(IReadOnlyList<double> sigmas) => this.sigmas = sigmas.Select(s => (float)s).ToArray();

    public static KeypointOksLoss ForKeypoints(int k) => new(KeypointMeta.ForKeypointCount(k).Sigmas);

    /// <summary>pred, gt [N, K, ≥2] (x, y in the same units as area's side), mask [N, K] (labelled), area [N, 1].</summary>
    public Tensor Compute(Tensor pred, Tensor gt, Tensor mask, Tensor area)
    {
        var s = tensor(sigmas, device: pred.device);
        var d = (pred[.., .., 0] - gt[.., .., 0]).pow(2) + (pred[.., .., 1] - gt[.., .., 1]).pow(2);
        var m = mask.to_type(pred.dtype);
        var factor = mask.shape[1] / (m.sum(1) + 1e-9);
        var e = d / ((2 * s).pow(2) * (area + 1e-9) * 2);
        return (factor.view(-1, 1) * ((1 - exp(-e)) * m)).mean();
    }
}
