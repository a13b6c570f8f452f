using static TorchSharp.torch;

namespace EdgePose.Train.Loss;

/// <summary>IoU and Complete IoU of boxes in x1 y1 x2 y2, element by element along the last dimension.</summary>
public static class BoxIou
{
    private const double Eps = 1e-7;

    /// <summary>
    /// CIoU = IoU − ρ²/c² − α·v: ρ the distance of the centres, c the diagonal of the enclosing box,
    /// v = 4/π²·(atan(w2/h2) − atan(w1/h1))² the aspect-ratio term, α = v / (v − IoU + 1) (no gradient).
    /// Shapes [..., 4] → [..., 1].
    /// </summary>
    public static Tensor Ciou(Tensor box1, Tensor box2)
    {
        var (b1x1, b1y1, b1x2, b1y2) = Split(box1);
        var (b2x1, b2y1, b2x2, b2y2) = Split(box2);
        var w1 = b1x2 - b1x1;
        var h1 = b1y2 - b1y1 + Eps;
        var w2 = b2x2 - b2x1;
        var h2 = b2y2 - b2y1 + Eps;
        var inter = (minimum(b1x2, b2x2) - maximum(b1x1, b2x1)).clamp_min(0) * (minimum(b1y2, b2y2) - maximum(b1y1, b2y1)).clamp_min(0);
        var union = (w1 * h1) + (w2 * h2) - inter + Eps;
        var iou = inter / union;
        var cw = maximum(b1x2, b2x2) - minimum(b1x1, b2x1);
        var ch = maximum(b1y2, b2y2) - minimum(b1y1, b2y1);
        var c2 = cw.pow(2) + ch.pow(2) + Eps;
        var rho2 = ((b2x1 + b2x2 - b1x1 - b1x2).pow(2) + (b2y1 + b2y2 - b1y1 - b1y2).pow(2)) / 4;
        var v = (4 / (Math.PI * Math.PI)) * (atan(w2 / h2) - atan(w1 / h1)).pow(2);
        Tensor alpha;
        using (no_grad())
        {
            alpha = v / (v - iou + (1 + Eps));
        }

        return iou - ((rho2 / c2) + (v * alpha));
    }

    private static (Tensor, Tensor, Tensor, Tensor) Split(Tensor b)
    {
        var p = b.chunk(4, -1);
        return (p[0], p[1], p[2], p[3]);
    }
}
