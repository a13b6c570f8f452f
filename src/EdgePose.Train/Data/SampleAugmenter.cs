using EdgePose.Core.Preprocessing;
using EdgePose.Native.OpenCv;
using OpenCvSharp;

namespace EdgePose.Train.Data;

/// <summary>
/// Builds one training sample of a <see cref="PoseDataset"/> at imgsz × imgsz with OpenCV, in Ultralytics' order:
/// the image read and resized so its long side is imgsz; then either a mosaic of it and three random others on a
/// 2·imgsz canvas around a random centre, or a letterbox; a random affine warp (rotation, scale, shear,
/// translation) into imgsz × imgsz; HSV gains; a horizontal flip that swaps keypoints by flip_idx.
/// Thread-safe: each call uses only its own <see cref="SampleRandom"/> and Mats.
/// </summary>
public sealed class SampleAugmenter(PoseDataset data, int imgsz, AugmentOptions options)
{
    private static readonly Scalar s_pad = new(Letterbox.PadValue, Letterbox.PadValue, Letterbox.PadValue);

    public int ImageSize => imgsz;

    /// <summary>The sample of item <paramref name="index"/>: a BGR Mat imgsz × imgsz (the caller disposes it) and its objects in its pixels.</summary>
    public (Mat Image, PoseInstances Labels) Build(int index, bool mosaic, SampleRandom rnd)
    {
        var (img, labels) = mosaic && rnd.Next() < options.Mosaic ? Mosaic(index, rnd) : Letterboxed(index);
        using (img)
        {
            var border = img.Width - imgsz;
            var (warped, moved) = RandomAffine(img, labels, imgsz, imgsz, rnd, border > 0);
            Hsv(warped, rnd);
            if (options.FlipLR > 0 && rnd.Next() < options.FlipLR)
            {
                Cv2.Flip(warped, warped, FlipMode.Y);
                moved = moved.FlipHorizontal(imgsz, data.FlipIndex);
            }

            return (warped, moved);
        }
    }

    /// <summary>Item <paramref name="index"/> read and resized so that its long side is imgsz, with its objects in its pixels.</summary>
    public (Mat Image, PoseInstances Labels) LoadResized(int index)
    {
        var item = data.Items[index];
        var img = ImageCodec.Read(item.ImagePath);
        double r = (double)imgsz / Math.Max(img.Width, img.Height);
        if (r != 1)
        {
            var resized = new Mat();
            Cv2.Resize(img, resized, new Size(Math.Min((int)Math.Ceiling(img.Width * r), imgsz), Math.Min((int)Math.Ceiling(img.Height * r), imgsz)), interpolation: InterpolationFlags.Linear);
            img.Dispose();
            img = resized;
        }

        return (img, item.Normalized.Mapped(new Affine2D(img.Width, 0, 0, 0, img.Height, 0)));
    }

    /// <summary>The resized image centred on an imgsz × imgsz grey (114) canvas.</summary>
    public (Mat Image, PoseInstances Labels) Letterboxed(int index)
    {
        var (img, labels) = LoadResized(index);
        using (img)
        {
            int left = (imgsz - img.Width) / 2, top = (imgsz - img.Height) / 2;
            var canvas = new Mat(imgsz, imgsz, MatType.CV_8UC3, s_pad);
            img.CopyTo(canvas[new Rect(left, top, img.Width, img.Height)]);
            return (canvas, labels.Mapped(Affine2D.Translation(left, top)).Clipped(imgsz, imgsz));
        }
    }

    /// <summary>Four images (this one first, three drawn at random) around a random centre of a 2·imgsz canvas.</summary>
    public (Mat Image, PoseInstances Labels) Mosaic(int index, SampleRandom rnd)
    {
        int s = imgsz, s2 = 2 * imgsz;
        int xc = (int)rnd.Uniform(s / 2.0, 1.5 * s), yc = (int)rnd.Uniform(s / 2.0, 1.5 * s);
        var canvas = new Mat(s2, s2, MatType.CV_8UC3, s_pad);
        var parts = new List<PoseInstances>(4);
        for (int q = 0; q < 4; q++)
        {
            var (img, labels) = LoadResized(q == 0 ? index : rnd.Below(data.Items.Count));
            using (img)
            {
                int w = img.Width, h = img.Height;
                var (x1a, y1a, x2a, y2a) = q switch
                {
                    0 => (Math.Max(xc - w, 0), Math.Max(yc - h, 0), xc, yc),
                    1 => (xc, Math.Max(yc - h, 0), Math.Min(xc + w, s2), yc),
                    2 => (Math.Max(xc - w, 0), yc, xc, Math.Min(s2, yc + h)),
                    _ => (xc, yc, Math.Min(xc + w, s2), Math.Min(s2, yc + h)),
                };
                int cw = x2a - x1a, ch = y2a - y1a;
                int x1b = q is 0 or 2 ? w - cw : 0, y1b = q is 0 or 1 ? h - ch : 0;
                if (cw > 0 && ch > 0)
                {
                    img[new Rect(x1b, y1b, cw, ch)].CopyTo(canvas[new Rect(x1a, y1a, cw, ch)]);
                }

                parts.Add(labels.Mapped(Affine2D.Translation(x1a - x1b, y1a - y1b)));
            }
        }

        return (canvas, PoseInstances.Concat(data.Keypoints, parts).Clipped(s2, s2));
    }

    /// <summary>
    /// Ultralytics' random affine: M = T·S·R·C (C centres the input, R rotates by ±degrees and scales by 1 ± scale,
    /// S shears by ±shear degrees, T moves the centre to (0.5 ± translate) of the output), warped with grey borders.
    /// </summary>
    public (Mat Image, PoseInstances Labels) RandomAffine(Mat img, PoseInstances labels, int outW, int outH, SampleRandom rnd, bool always = false)
    {
        var m = Matrix(img.Width, img.Height, outW, outH, rnd);
        if (m.IsIdentity && !always && img.Width == outW && img.Height == outH)
        {
            return (img.Clone(), labels.Clipped(outW, outH));
        }

        return (Warp(img, m, outW, outH), labels.Transform(m, outW, outH));
    }

    /// <summary>The affine map of <see cref="RandomAffine"/>.</summary>
    public Affine2D Matrix(int inW, int inH, int outW, int outH, SampleRandom rnd)
    {
        var c = Affine2D.Translation(-inW / 2.0, -inH / 2.0);
        var r = Affine2D.RotationScale(rnd.Uniform(-options.Degrees, options.Degrees), rnd.Uniform(1 - options.Scale, 1 + options.Scale));
        var sh = Affine2D.Shear(rnd.Uniform(-options.Shear, options.Shear), rnd.Uniform(-options.Shear, options.Shear));
        var t = Affine2D.Translation(rnd.Uniform(0.5 - options.Translate, 0.5 + options.Translate) * outW, rnd.Uniform(0.5 - options.Translate, 0.5 + options.Translate) * outH);
        return t * sh * r * c;
    }

    /// <summary>The image under <paramref name="m"/> into outW × outH, bilinear, grey (114) outside.</summary>
    public static Mat Warp(Mat img, Affine2D m, int outW, int outH)
    {
        using var matrix = Mat.FromPixelData(2, 3, MatType.CV_64FC1, new[] { m.A, m.B, m.C, m.D, m.E, m.F });
        var dst = new Mat();
        Cv2.WarpAffine(img, dst, matrix, new Size(outW, outH), InterpolationFlags.Linear, BorderTypes.Constant, s_pad);
        return dst;
    }

    /// <summary>Random gains on hue, saturation and value (1 ± gain each), through lookup tables, in place.</summary>
    public void Hsv(Mat img, SampleRandom rnd)
    {
        if (options.HsvH == 0 && options.HsvS == 0 && options.HsvV == 0)
        {
            return;
        }

        double rh = (rnd.Uniform(-1, 1) * options.HsvH) + 1, rs = (rnd.Uniform(-1, 1) * options.HsvS) + 1, rv = (rnd.Uniform(-1, 1) * options.HsvV) + 1;
        var lh = new byte[256];
        var ls = new byte[256];
        var lv = new byte[256];
        for (int x = 0; x < 256; x++)
        {
            lh[x] = (byte)((int)(x * rh) % 180);
            ls[x] = (byte)Math.Clamp((int)(x * rs), 0, 255);
            lv[x] = (byte)Math.Clamp((int)(x * rv), 0, 255);
        }

        using var hsv = new Mat();
        Cv2.CvtColor(img, hsv, ColorConversionCodes.BGR2HSV);
        var channels = Cv2.Split(hsv);
        try
        {
            Cv2.LUT(channels[0], lh, channels[0]);
            Cv2.LUT(channels[1], ls, channels[1]);
            Cv2.LUT(channels[2], lv, channels[2]);
            Cv2.Merge(channels, hsv);
            Cv2.CvtColor(hsv, img, ColorConversionCodes.HSV2BGR);
        }
        finally
        {
            foreach (var ch in channels)
            {
                ch.Dispose();
            }
        }
    }
}
