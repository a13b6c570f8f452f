using static TorchSharp.torch;

namespace EdgePose.Train.Loss;

/// <summary>
/// The labels of a batch, one row per instance as in YOLO label files: image index in the batch [N],
/// class [N], box centre x, y, width, height normalised to the image [N, 4], keypoints [N, K, dims]
/// with x, y normalised (and visibility 0/1/2 when dims is 3).
/// </summary>
public sealed record PoseTargets(Tensor BatchIndex, Tensor Classes, Tensor Boxes, Tensor Keypoints)
{
    /// <summary>
    /// Per image, padded to the most instances M of any image: classes [B, M, 1], boxes [B, M, 4] in x1 y1 x2 y2
    /// pixels, keypoints [B, M, K, dims] with x, y in pixels. Padding rows are zero.
    /// </summary>
    public (Tensor Labels, Tensor Boxes, Tensor Keypoints) PerImage(long batch, double height, double width)
    {
        var index = BatchIndex.to_type(ScalarType.Int64).cpu().data<long>().ToArray();
        var counts = new long[batch];
        foreach (var i in index)
        {
            counts[i]++;
        }

        long m = counts.Length == 0 ? 0 : counts.Max();
        long k = Keypoints.shape[1], d = Keypoints.shape[2];
        var device = Boxes.device;
        var labels = zeros(batch, m, 1, device: device);
        var boxes = zeros(batch, m, 4, device: device);
        var kpts = zeros(batch, m, k, d, device: device);
        var slot = new long[batch];
        var scale = tensor(new float[] { (float)width, (float)height, (float)width, (float)height }, device: device);
        var pixels = tensor(new float[] { (float)width, (float)height }, device: device);
        for (long n = 0; n < index.Length; n++)
        {
            var (bi, s) = (index[n], slot[index[n]]++);
            labels[bi, s, 0] = Classes[n];
            var xywh = Boxes[n];
            boxes[bi, s] = cat([xywh[..2] - (xywh[2..] / 2), xywh[..2] + (xywh[2..] / 2)]) * scale;
            var kp = Keypoints[n].clone();
            kp[.., ..2] = kp[.., ..2] * pixels;
            kpts[bi, s] = kp;
        }

        return (labels, boxes, kpts);
    }
}
