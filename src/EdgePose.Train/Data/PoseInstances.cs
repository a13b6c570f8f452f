namespace EdgePose.Train.Data;

/// <summary>
/// The labelled objects of one training image in pixels: class, box (x1, y1, x2, y2) and K keypoints (x, y,
/// visibility 0/1/2) each. Augmentation maps them with the image: <see cref="Transform"/> (affine, keypoints
/// leaving the image become visibility 0, boxes clipped, degenerate ones dropped), <see cref="FlipHorizontal"/>
/// (keypoints swapped by flip_idx), <see cref="Concat"/> (mosaic).
/// </summary>
public sealed class PoseInstances
{
    public PoseInstances(int keypoints, int[] classes, float[] boxes, float[] points)
    {
        if (boxes.Length != classes.Length * 4 || points.Length != classes.Length * keypoints * 3)
        {
            throw new ArgumentException($"{classes.Length} instances need {classes.Length * 4} box and {classes.Length * keypoints * 3} keypoint values");
        }

        Keypoints = keypoints;
        Classes = classes;
        Boxes = boxes;
        Points = points;
    }

    public int Keypoints { get; }

    public int Count => Classes.Length;

    public int[] Classes { get; }

    /// <summary>x1, y1, x2, y2 per instance.</summary>
    public float[] Boxes { get; }

    /// <summary>x, y, visibility per keypoint per instance.</summary>
    public float[] Points { get; }

    public static PoseInstances Empty(int keypoints) => new(keypoints, [], [], []);

    public Span<float> Box(int i) => Boxes.AsSpan(i * 4, 4);

    public Span<float> KeypointsOf(int i) => Points.AsSpan(i * Keypoints * 3, Keypoints * 3);

    public PoseInstances Clone() => new(Keypoints, (int[])Classes.Clone(), (float[])Boxes.Clone(), (float[])Points.Clone());

    /// <summary>Maps every coordinate by <paramref name="m"/> (visibility unchanged, no clipping): scaling, translation.</summary>
    public PoseInstances Mapped(Affine2D m)
    {
        var r = Clone();
        for (int i = 0; i < Count; i++)
        {
            var b = r.Box(i);
            var (x1, y1) = m.Apply(b[0], b[1]);
            var (x2, y2) = m.Apply(b[2], b[3]);
            (b[0], b[1], b[2], b[3]) = ((float)Math.Min(x1, x2), (float)Math.Min(y1, y2), (float)Math.Max(x1, x2), (float)Math.Max(y1, y2));
        }

        MapPoints(r.Points, m);
        return r;
    }

    /// <summary>
    /// The instances under an affine warp into a <paramref name="width"/>×<paramref name="height"/> image: each box
    /// becomes the bounds of its four mapped corners, clipped to the image; keypoints outside the image get visibility 0.
    /// An instance whose new box is under 2 px wide or high, keeps under 10 % of its (scaled) area, or is stretched
    /// beyond an aspect ratio of 100 is dropped (Ultralytics' box candidates).
    /// </summary>
    public PoseInstances Transform(Affine2D m, int width, int height)
    {
        double scale = Math.Sqrt(m.AreaScale);
        var keep = new List<int>(Count);
        var boxes = new float[Count * 4];
        var points = (float[])Points.Clone();
        MapPoints(points, m);
        for (int i = 0; i < Count; i++)
        {
            var b = Box(i);
            double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
            foreach (var (cx, cy) in (ReadOnlySpan<(float, float)>)[(b[0], b[1]), (b[2], b[1]), (b[0], b[3]), (b[2], b[3])])
            {
                var (x, y) = m.Apply(cx, cy);
                (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
            }

            minX = Math.Clamp(minX, 0, width);
            maxX = Math.Clamp(maxX, 0, width);
            minY = Math.Clamp(minY, 0, height);
            maxY = Math.Clamp(maxY, 0, height);
            double w0 = (b[2] - b[0]) * scale, h0 = (b[3] - b[1]) * scale, w = maxX - minX, h = maxY - minY;
            double aspect = Math.Max(w / (h + 1e-16), h / (w + 1e-16));
            if (w > 2 && h > 2 && w * h / ((w0 * h0) + 1e-16) > 0.1 && aspect < 100)
            {
                keep.Add(i);
                (boxes[i * 4], boxes[(i * 4) + 1], boxes[(i * 4) + 2], boxes[(i * 4) + 3]) = ((float)minX, (float)minY, (float)maxX, (float)maxY);
            }
        }

        var r = Select(keep, boxes, points);
        r.HideOutside(width, height);
        return r;
    }

    /// <summary>Mirrors left–right in an image <paramref name="width"/> wide: x → width − x, keypoint k takes keypoint flipIdx[k]'s values.</summary>
    public PoseInstances FlipHorizontal(int width, IReadOnlyList<int> flipIdx)
    {
        var r = Clone();
        for (int i = 0; i < Count; i++)
        {
            var b = r.Box(i);
            (b[0], b[2]) = (width - b[2], width - b[0]);
            var src = KeypointsOf(i);
            var dst = r.KeypointsOf(i);
            for (int k = 0; k < Keypoints; k++)
            {
                int f = flipIdx[k];
                dst[k * 3] = width - src[f * 3];
                dst[(k * 3) + 1] = src[(f * 3) + 1];
                dst[(k * 3) + 2] = src[(f * 3) + 2];
            }
        }

        return r;
    }

    /// <summary>Clips boxes to the image and hides keypoints outside it (visibility 0); drops boxes left under 1 px.</summary>
    public PoseInstances Clipped(int width, int height)
    {
        var boxes = (float[])Boxes.Clone();
        var keep = new List<int>(Count);
        for (int i = 0; i < Count; i++)
        {
            var b = boxes.AsSpan(i * 4, 4);
            b[0] = Math.Clamp(b[0], 0, width);
            b[2] = Math.Clamp(b[2], 0, width);
            b[1] = Math.Clamp(b[1], 0, height);
            b[3] = Math.Clamp(b[3], 0, height);
            if (b[2] - b[0] >= 1 && b[3] - b[1] >= 1)
            {
                keep.Add(i);
            }
        }

        var r = Select(keep, boxes, (float[])Points.Clone());
        r.HideOutside(width, height);
        return r;
    }

    public static PoseInstances Concat(int keypoints, IEnumerable<PoseInstances> parts)
    {
        var list = parts.ToList();
        return new PoseInstances(keypoints, list.SelectMany(p => p.Classes).ToArray(), list.SelectMany(p => p.Boxes).ToArray(), list.SelectMany(p => p.Points).ToArray());
    }

    private PoseInstances Select(List<int> keep, float[] boxes, float[] points)
    {
        int per = Keypoints * 3;
        var c = new int[keep.Count];
        var b = new float[keep.Count * 4];
        var p = new float[keep.Count * per];
        for (int j = 0; j < keep.Count; j++)
        {
            int i = keep[j];
            c[j] = Classes[i];
            boxes.AsSpan(i * 4, 4).CopyTo(b.AsSpan(j * 4));
            points.AsSpan(i * per, per).CopyTo(p.AsSpan(j * per));
        }

        return new PoseInstances(Keypoints, c, b, p);
    }

    private void HideOutside(int width, int height)
    {
        for (int j = 0; j < Points.Length; j += 3)
        {
            float x = Points[j], y = Points[j + 1];
            if (x < 0 || y < 0 || x > width || y > height)
            {
                Points[j + 2] = 0;
            }
        }
    }

    private static void MapPoints(float[] points, Affine2D m)
    {
        for (int j = 0; j < points.Length; j += 3)
        {
            var (x, y) = m.Apply(points[j], points[j + 1]);
            points[j] = (float)x;
            points[j + 1] = (float)y;
        }
    }
}
