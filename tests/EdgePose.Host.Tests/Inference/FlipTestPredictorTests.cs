using EdgePose.Core.Decoding;
using EdgePose.Core.Inference;
using EdgePose.Core.Meta;
using EdgePose.Core.Poses;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using Xunit.Abstractions;

namespace EdgePose.Host.Tests.Inference;

/// <summary>
/// The flip test with the real model: the mirrored pass, mapped back with flip_idx, agrees with the plain pass,
/// so the merged poses stay close to the plain ones (a wrong mapping, e.g. without the left/right swap, would
/// average a left wrist with a right wrist and land tens of pixels away).
/// </summary>
public class FlipTestPredictorTests(ITestOutputHelper output)
{
    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public void Merged_poses_stay_close_to_the_plain_pass_on_a_real_image()
    {
        using var engine = new OnnxRuntimeEngine(TestPaths.FloatHeadModel);
        using var resizer = new OpenCvBgrResizer();
        using var predictor = new PosePredictor(engine, resizer, new PredictorOptions { Decode = new DecodeOptions { Confidence = 0.5f } });
        using var image = ImageCodec.Read(Path.Combine(TestPaths.Coco8Pose, "images", "val", "000000000110.jpg"));
        var plain = new PoseDetections(300, 17);
        plain.CopyFrom(predictor.Predict(image));
        var flip = new FlipTestPredictor(predictor, KeypointMeta.Coco17.FlipIndex);

        var merged = flip.Predict(image);

        Assert.True(plain.Count >= 3, $"{plain.Count} people found at conf 0.5");
        Assert.Equal(plain.Count, merged.Count);
        double worstCorner = 0, worstKeypoint = 0;
        for (int i = 0; i < plain.Count; i++)
        {
            int m = Nearest(merged, plain.Box(i));
            for (int c = 0; c < 4; c++)
            {
                worstCorner = Math.Max(worstCorner, Math.Abs(merged.Box(m)[c] - plain.Box(i)[c]));
            }

            var a = plain.Keypoints(i);
            var b = merged.Keypoints(m);
            for (int k = 0; k < 17; k++)
            {
                if (a[(3 * k) + 2] > 0.8f)
                {
                    worstKeypoint = Math.Max(worstKeypoint, Math.Sqrt(Math.Pow(a[3 * k] - b[3 * k], 2) + Math.Pow(a[(3 * k) + 1] - b[(3 * k) + 1], 2)));
                }
            }
        }

        output.WriteLine($"{plain.Count} people: largest box corner change {worstCorner:F1} px, largest change of a confident keypoint {worstKeypoint:F1} px");
        Assert.InRange(worstCorner, 0, 12);
        Assert.InRange(worstKeypoint, 0, 20); // without the left/right swap: over 200 px
        Assert.True(worstKeypoint > 0, "the merge averages, so something moves");
        Assert.True(flip.LastTimes.Inference > predictor.LastTimes.Inference, "both passes are counted");
    }

    private static int Nearest(PoseDetections d, Span<float> box)
    {
        int best = 0;
        double bestDistance = double.MaxValue;
        for (int i = 0; i < d.Count; i++)
        {
            var b = d.Box(i);
            double distance = Math.Abs(b[0] - box[0]) + Math.Abs(b[1] - box[1]) + Math.Abs(b[2] - box[2]) + Math.Abs(b[3] - box[3]);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (i, distance);
            }
        }

        return best;
    }
}
