using EdgePose.Core.Inference;
using EdgePose.Core.Poses;
using EdgePose.Host.Engines;
using EdgePose.Host.Tests.Support;
using EdgePose.Native.OpenCv;
using EdgePose.TensorRt.Building;
using EdgePose.Tests;
using Xunit.Abstractions;

namespace EdgePose.Host.Tests.Parity;

/// <summary>
/// TensorRT against ONNX Runtime on the same quantised model: an INT8 engine built from the float-head copy
/// (its Q/DQ scales, no calibration) and the ONNX model itself, each opened by <see cref="EngineFactory"/> and
/// run through a <see cref="PosePredictor"/> on coco8-pose's val images. Per image the two give the same
/// detections: each detection of one pairs with one of the other (IoU at least 0.5), so the counts are equal,
/// and paired boxes, keypoints and scores agree within the tolerances below. Only a detection within
/// <see cref="ThresholdMargin"/> of the confidence threshold may be kept by one engine alone.
/// Runs where TensorRT and a GPU exist; skipped with the reason elsewhere (failed with EDGEPOSE_REQUIRE_GPU=1).
/// </summary>
public sealed class TensorRtOnnxRuntimeParityTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>
    /// Both engines compute in INT8 with the same scales, but TensorRT fuses layers and rounds its
    /// requantisation in its own order: a box corner may move by a few pixels of the 640-pixel input.
    /// </summary>
    private const double BoxTolerancePx = 4;

    /// <summary>Keypoint x, y of keypoints both engines see (score at least <see cref="VisibleKeypoint"/>).</summary>
    private const double KeypointTolerancePx = 8;

    private const double VisibleKeypoint = 0.5;

    private const double ScoreTolerance = 0.05;

    private const double KeypointScoreTolerance = 0.1;

    /// <summary>A detection this close to the confidence threshold may be kept by one engine and not the other.</summary>
    private const double ThresholdMargin = 0.05;

    private const double PairIou = 0.5;

    private readonly string _dir = TestPaths.NewTempDir("edgepose-trt-ort");

    public void Dispose() => Directory.Delete(_dir, true);

    [RequiresTensorRtFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose/images/val")]
    public void Coco8_pose_val_detections_of_tensorrt_match_onnx_runtime()
    {
        var plan = new EngineBuildArguments { Onnx = TestPaths.FloatHeadModel, Int8 = true, Output = Path.Combine(_dir, "floathead.engine") }.Validate();
        var built = EngineBuilder.Build(plan);
        var options = new PredictorOptions();
        using var ort = EngineFactory.Open(TestPaths.FloatHeadModel, new EngineOptions());
        using var trt = EngineFactory.Open(built.PlanPath, new EngineOptions());
        using var resizer = new OpenCvBgrResizer();
        var onnxRuntime = new PosePredictor(ort, resizer, options, "onnx");
        var tensorRt = new PosePredictor(trt, resizer, options, "engine");
        var expected = new PoseDetections(options.Decode.MaxDetections, onnxRuntime.Layout.KeypointCount);
        var images = Directory.GetFiles(Path.Combine(TestPaths.Coco8Pose, "images", "val"), "*.jpg").Order(StringComparer.Ordinal).ToList();
        int total = 0;
        foreach (var path in images)
        {
            using var image = ImageCodec.Read(path);
            expected.CopyFrom(onnxRuntime.Predict(image));
            var actual = tensorRt.Predict(image);
            Compare(Path.GetFileName(path), expected, actual, options.Decode.Confidence);
            total += expected.Count;
        }

        output.WriteLine($"{images.Count} images, {total} ONNX Runtime detections matched by TensorRT");
        Assert.NotEmpty(images);
        Assert.True(total > 0, "ONNX Runtime found no person in coco8-pose's val images: the comparison would prove nothing");
    }

    private static void Compare(string image, PoseDetections expected, PoseDetections actual, double confidence)
    {
        var taken = new bool[actual.Count];
        for (int i = 0; i < expected.Count; i++)
        {
            int j = BestPartner(expected.Box(i), actual, taken);
            string at = $"{image} ONNX Runtime #{i} (score {expected.Score(i):F3})";
            if (j < 0)
            {
                Assert.True(expected.Score(i) < confidence + ThresholdMargin, $"{at}: TensorRT has no detection overlapping it (IoU >= {PairIou})");
                continue;
            }

            taken[j] = true;
            Near(expected.Score(i), actual.Score(j), ScoreTolerance, at + " score");
            var a = expected.Box(i);
            var b = actual.Box(j);
            for (int c = 0; c < 4; c++)
            {
                Near(a[c], b[c], BoxTolerancePx, $"{at} box[{c}]");
            }

            var ka = expected.Keypoints(i);
            var kb = actual.Keypoints(j);
            for (int k = 0; k < expected.KeypointCount; k++)
            {
                Near(ka[(3 * k) + 2], kb[(3 * k) + 2], KeypointScoreTolerance, $"{at} keypoint {k} score");
                if (ka[(3 * k) + 2] >= VisibleKeypoint && kb[(3 * k) + 2] >= VisibleKeypoint)
                {
                    Near(ka[3 * k], kb[3 * k], KeypointTolerancePx, $"{at} keypoint {k} x");
                    Near(ka[(3 * k) + 1], kb[(3 * k) + 1], KeypointTolerancePx, $"{at} keypoint {k} y");
                }
            }
        }

        for (int j = 0; j < actual.Count; j++)
        {
            Assert.True(taken[j] || actual.Score(j) < confidence + ThresholdMargin, $"{image} TensorRT #{j} (score {actual.Score(j):F3}): ONNX Runtime has no detection overlapping it");
        }
    }

    /// <summary>The free detection of <paramref name="candidates"/> overlapping <paramref name="box"/> most (IoU at least <see cref="PairIou"/>), or -1.</summary>
    private static int BestPartner(ReadOnlySpan<float> box, PoseDetections candidates, bool[] taken)
    {
        int best = -1;
        double bestIou = PairIou;
        for (int j = 0; j < candidates.Count; j++)
        {
            double iou = Core.Evaluation.BoxIntersectionOverUnion.OfCorners(box, candidates.Box(j));
            if (!taken[j] && iou >= bestIou)
            {
                best = j;
                bestIou = iou;
            }
        }

        return best;
    }

    private static void Near(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: TensorRT {actual} vs ONNX Runtime {expected} (tolerance {tolerance})");
}
