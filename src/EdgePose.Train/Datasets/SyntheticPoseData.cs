using System.Globalization;
using OpenCvSharp;

namespace EdgePose.Train.Datasets;

/// <summary>
/// A small YOLO-pose data set that a model learns in minutes (the trainer's tests, `edgepose-train data synth` for
/// benchmarks): noisy grey images, each with one or two coloured rectangles
/// (class "box") whose four corners are the keypoints, kpt_shape [4, 3] in the order top-left, top-right,
/// bottom-left, bottom-right (flip_idx [1, 0, 3, 2]). Every fifth training image is a background image.
/// </summary>
public static class SyntheticPoseData
{
    /// <summary>Writes images/{train,val}, labels/{train,val} and data.yaml under <paramref name="root"/>; gives the data.yaml path.</summary>
    public static string Write(string root, int train, int val, int size = 128, int seed = 1)
    {
        var rnd = new Random(seed);
        WriteSplit(root, "train", train, size, rnd);
        WriteSplit(root, "val", val, size, rnd);
        var yaml = Path.Combine(root, "data.yaml");
        File.WriteAllText(yaml, "path: .\ntrain: images/train\nval: images/val\nnames:\n  0: box\nkpt_shape: [4, 3]\nflip_idx: [1, 0, 3, 2]\n");
        return yaml;
    }

    private static void WriteSplit(string root, string split, int count, int size, Random rnd)
    {
        var images = Directory.CreateDirectory(Path.Combine(root, "images", split)).FullName;
        var labels = Directory.CreateDirectory(Path.Combine(root, "labels", split)).FullName;
        for (int i = 0; i < count; i++)
        {
            using var img = new Mat(size, size, MatType.CV_8UC3, new Scalar(90, 90, 90));
            using (var noise = new Mat(size, size, MatType.CV_8UC3))
            {
                Cv2.Randu(noise, new Scalar(0, 0, 0), new Scalar(40, 40, 40));
                Cv2.Add(img, noise, img);
            }

            var lines = new List<string>();
            int objects = split == "train" && i % 5 == 4 ? 0 : 1 + rnd.Next(2);
            for (int o = 0; o < objects; o++)
            {
                int w = rnd.Next(size / 5, size / 2), h = rnd.Next(size / 5, size / 2);
                int x = o == 0 ? rnd.Next(0, (size / 2) - (w / 2)) : rnd.Next(size / 2, size - w);
                int y = rnd.Next(0, size - h);
                img.Rectangle(new Rect(x, y, w, h), new Scalar(40 + rnd.Next(60), 180 + rnd.Next(75), 220), -1);
                double n(double v) => v / size;
                lines.Add(string.Join(' ', new[] { 0.0, n(x + (w / 2.0)), n(y + (h / 2.0)), n(w), n(h), n(x), n(y), 2, n(x + w), n(y), 2, n(x), n(y + h), 2, n(x + w), n(y + h), 2 }
                    .Select(v => v.ToString("0.######", CultureInfo.InvariantCulture))));
            }

            Cv2.ImWrite(Path.Combine(images, $"{split}{i:D3}.png"), img);
            if (objects > 0)
            {
                File.WriteAllLines(Path.Combine(labels, $"{split}{i:D3}.txt"), lines);
            }
        }
    }
}
