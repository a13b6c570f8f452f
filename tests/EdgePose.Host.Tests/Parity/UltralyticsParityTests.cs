using System.Runtime.InteropServices;
using System.Security.Cryptography;
using EdgePose.Core.Decoding;
using EdgePose.Core.Inference;
using EdgePose.Core.Poses;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using Xunit.Abstractions;

namespace EdgePose.Host.Tests.Parity;

/// <summary>
/// The acceptance parity of issue 2: our letterbox, ONNX Runtime call, decoder and NMS against
/// Ultralytics' own post-processing (../shared/reference), image by image. Each image runs through
/// the model once; PREDICT (conf 0.25) and VAL (conf 0.001) are decoded from the same output.
/// </summary>
public class UltralyticsParityTests(ITestOutputHelper output)
{
    /// <summary>Reference boxes are rounded to 3 decimals; keypoints are float32 values.</summary>
    private const double BoxTolerance = 2e-3;
    private const double KeypointTolerance = 2e-3;

    /// <summary>Reference scores are rounded to 5 decimals.</summary>
    private const double ScoreTolerance = 1e-5;

    /// <summary>PREDICT keypoints: Ultralytics' predictor maps them with the unrounded pad (up to 0.5/gain px off).</summary>
    private const double PredictKeypointTolerance = 1.0;

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "reference/coco8-pose_predict_raw.json", "data/coco8-pose")]
    public void Coco8_pose_detections_match_ultralytics_in_count_boxes_keypoints_and_scores()
    {
        var set = ReferenceSet.Load("coco8-pose", f =>
        {
            var train = TestPaths.Shared("data", "coco8-pose", "images", "train", f);
            return File.Exists(train) ? train : TestPaths.Shared("data", "coco8-pose", "images", "val", f);
        });
        Check(set);
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "reference/coco-mini-val2017_predict_raw.json", "data/coco-mini/images/val2017")]
    public void Coco_mini_val_detections_match_ultralytics_in_count_boxes_keypoints_and_scores()
    {
        var set = ReferenceSet.Load("coco-mini-val2017", f => TestPaths.Shared("data", "coco-mini", "images", "val2017", f));
        Check(set);
    }

    private void Check(ReferenceSet set)
    {
        using var engine = new OnnxRuntimeEngine(TestPaths.FloatHeadModel);
        using var resizer = new OpenCvBgrResizer();
        using var predictor = new PosePredictor(engine, resizer, new PredictorOptions(), "model");
        var decoder = PoseDecoders.Create(predictor.Layout);
        var detections = new PoseDetections(300, 17);
        var predict = new DecodeOptions { Confidence = 0.25f, Iou = 0.7, MaxDetections = 300 };
        var val = predict with { Confidence = 0.001f, MultiLabel = true };
        int outputsIdentical = 0, predictCount = 0, valCount = 0;
        foreach (var img in set.Images)
        {
            using var image = ImageCodec.Read(img.Path);
            var box = predictor.Preprocess(image.AsBgrImage());
            Assert.True(img.InputSha256 == Sha256(predictor.Buffers.InputSlot(0)), $"{img.FileName}: model input differs from Ultralytics' letterbox tensor");
            Assert.True(engine.Enqueue(predictor.Buffers, 1).Wait(TimeSpan.FromMinutes(1)));
            var raw = predictor.Buffers.Output(0, out _);
            outputsIdentical += img.OutputSha256 == Sha256(raw) ? 1 : 0;

            decoder.Decode(raw, 0, predict, detections);
            box.Unmap(detections);
            Compare(img.FileName, "predict", img.Predict, detections, PredictKeypointTolerance);
            predictCount += detections.Count;

            decoder.Decode(raw, 0, val, detections);
            box.Unmap(detections);
            Compare(img.FileName, "val", img.Val, detections, KeypointTolerance);
            valCount += detections.Count;
        }

        output.WriteLine($"{set.Name}: {set.Images.Count} images, {predictCount} PREDICT and {valCount} VAL detections matched; raw output bit-identical for {outputsIdentical} images");
    }

    private static void Compare(string image, string setting, IReadOnlyList<ReferenceDetection> expected, PoseDetections actual, double keypointTolerance)
    {
        Assert.True(expected.Count == actual.Count, $"{image} {setting}: {actual.Count} detections, reference has {expected.Count}");
        for (int i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            string at = $"{image} {setting} #{i}";
            Near(e.Score, actual.Score(i), ScoreTolerance, at + " score");
            var b = actual.Box(i);
            for (int c = 0; c < 4; c++)
            {
                Near(e.BoxXyxy[c], b[c], BoxTolerance, $"{at} box[{c}]");
            }

            var kp = actual.Keypoints(i);
            for (int k = 0; k < 17; k++)
            {
                Near(e.Keypoints[3 * k], kp[3 * k], keypointTolerance, $"{at} kpt {k} x");
                Near(e.Keypoints[(3 * k) + 1], kp[(3 * k) + 1], keypointTolerance, $"{at} kpt {k} y");
                Near(e.Keypoints[(3 * k) + 2], kp[(3 * k) + 2], 1e-6, $"{at} kpt {k} score");
            }
        }
    }

    private static void Near(double expected, double actual, double tolerance, string what) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"{what}: {actual} vs reference {expected} (tolerance {tolerance})");

    private static string Sha256(ReadOnlySpan<float> values) =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(values)));
}
