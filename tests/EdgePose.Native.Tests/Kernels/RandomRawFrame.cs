using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;

namespace EdgePose.Native.Tests.Kernels;

/// <summary>
/// A random raw pose-head output with the situations that make NMS and its order hard: scores on a coarse
/// grid (many exact ties), boxes clustered around a few centres (many overlaps, some identical), several
/// classes, both layouts, two- and three-value keypoints, and random thresholds, max-det, max-candidates
/// and letterbox.
/// </summary>
internal sealed record RandomRawFrame(OutputLayout Layout, float[] Output, DecodeOptions Options, Letterbox Box)
{
    public static RandomRawFrame Create(Random rng, int rows)
    {
        int nc = rng.Next(1, 4);
        int k = rng.Next(1, 18);
        int dims = rng.Next(2) == 0 ? 2 : 3;
        var kind = rng.Next(2) == 0 ? OutputLayoutKind.RawChannelsFirst : OutputLayoutKind.RawChannelsLast;
        var layout = new OutputLayout(kind, 1, rows, nc, k, dims);
        int per = layout.ValuesPerRow;
        var output = new float[rows * per];
        bool first = kind == OutputLayoutKind.RawChannelsFirst;
        void Set(int r, int v, float x) => output[first ? (v * rows) + r : (r * per) + v] = x;

        float keepShare = rng.NextSingle() * (rows > 1000 ? 0.05f : 0.6f);
        var centres = Enumerable.Range(0, rng.Next(1, 8)).Select(_ => (X: rng.NextSingle() * 640f, Y: rng.NextSingle() * 640f)).ToArray();
        for (int r = 0; r < rows; r++)
        {
            var c = centres[rng.Next(centres.Length)];
            // Half-pixel grid: identical boxes happen, and so do exact IoU ties.
            Set(r, 0, c.X + (MathF.Round(rng.NextSingle() * 60f) / 2f) - 15f);
            Set(r, 1, c.Y + (MathF.Round(rng.NextSingle() * 60f) / 2f) - 15f);
            Set(r, 2, 1f + (MathF.Round(rng.NextSingle() * 200f) / 2f));
            Set(r, 3, 1f + (MathF.Round(rng.NextSingle() * 200f) / 2f));
            for (int cls = 0; cls < nc; cls++)
            {
                bool strong = rng.NextSingle() < keepShare;
                Set(r, 4 + cls, strong ? rng.Next(1, 17) / 16f : rng.NextSingle() * 0.2f);
            }

            for (int j = 0; j < k * dims; j++)
            {
                bool isScore = dims == 3 && j % 3 == 2;
                Set(r, 4 + nc + j, isScore ? rng.NextSingle() : (rng.NextSingle() * 700f) - 30f);
            }
        }

        var options = new DecodeOptions
        {
            Confidence = new[] { 0.001f, 0.1f, 0.25f, 0.5f }[rng.Next(4)],
            Iou = new[] { 0.3, 0.45, 0.5, 0.7, 0.9 }[rng.Next(5)],
            MaxDetections = rng.Next(4) == 0 ? rng.Next(1, 10) : 300,
            ClassAgnostic = rng.Next(2) == 0,
            MultiLabel = rng.Next(3) == 0,
            MaxCandidates = rng.Next(4) == 0 ? rng.Next(1, 60) : 30000,
        };
        var box = Letterbox.Compute(rng.Next(16, 2000), rng.Next(16, 2000), 640, 640);
        return new RandomRawFrame(layout, output, options, box);
    }
}
