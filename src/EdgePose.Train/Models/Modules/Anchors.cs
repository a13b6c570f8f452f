using static TorchSharp.torch;

namespace EdgePose.Train.Models.Modules;

/// <summary>Anchor points (cell centres in grid units) and the box form conversions of the anchor-free head.</summary>
public static class Anchors
{
    /// <summary>Anchor points [A, 2] (x, y at cell centres, grid units, level after level) and strides [A, 1].</summary>
    public static (Tensor Points, Tensor Strides) Make(IReadOnlyList<Tensor> feats, IReadOnlyList<double> strides, double offset = 0.5)
    {
        var points = new List<Tensor>();
        var stride = new List<Tensor>();
        for (var i = 0; i < feats.Count; i++)
        {
            long h = feats[i].shape[2], w = feats[i].shape[3];
            var dtype = feats[i].dtype;
            var device = feats[i].device;
            var sx = arange(w, dtype: dtype, device: device) + offset;
            var sy = arange(h, dtype: dtype, device: device) + offset;
            var grid = meshgrid([sy, sx], indexing: "ij");
            points.Add(stack([grid[1], grid[0]], -1).view(-1, 2));
            stride.Add(full(h * w, 1, strides[i], dtype: dtype, device: device));
        }

        return (cat(points, 0), cat(stride, 0));
    }

    /// <summary>Distances (left, top, right, bottom) from the anchor → box (x1 y1 x2 y2, or centre x y w h).</summary>
    public static Tensor DistToBox(Tensor distance, Tensor anchorPoints, bool xywh = true, long dim = -1)
    {
        var ltrb = distance.chunk(2, dim);
        var x1y1 = anchorPoints - ltrb[0];
        var x2y2 = anchorPoints + ltrb[1];
        return xywh ? cat([(x1y1 + x2y2) / 2, x2y2 - x1y1], dim) : cat([x1y1, x2y2], dim);
    }

    /// <summary>Box x1 y1 x2 y2 → distances from the anchor, clamped to [0, regMax - 0.01].</summary>
    public static Tensor BoxToDist(Tensor anchorPoints, Tensor box, double regMax)
    {
        var xy = box.chunk(2, -1);
        return cat([anchorPoints - xy[0], xy[1] - anchorPoints], -1).clamp(0, regMax - 0.01);
    }
}
