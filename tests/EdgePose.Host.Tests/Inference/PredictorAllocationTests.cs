using EdgePose.Core.Inference;
using EdgePose.Core.Meta;
using EdgePose.Core.Poses;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using OpenCvSharp;

namespace EdgePose.Host.Tests.Inference;

/// <summary>
/// The per-frame promise of the predictors, end to end with the real model, ONNX Runtime and OpenCV: once a
/// frame size has been seen, predicting another frame of that size allocates no managed memory (the
/// OpenCvSharp Mat handed to predictor.Predict(mat), letterbox, resize, inference, decode, NMS, unmapping;
/// and the flip test's mirror and merge).
/// </summary>
public class PredictorAllocationTests
{
    private static string Image => Path.Combine(TestPaths.Coco8Pose, "images", "val", "000000000110.jpg");

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public void Predicting_another_frame_of_the_same_size_allocates_nothing()
    {
        using var engine = new OnnxRuntimeEngine(TestPaths.FloatHeadModel);
        using var resizer = new OpenCvBgrResizer();
        using var predictor = new PosePredictor(engine, resizer, new PredictorOptions());
        using var padded = ImageCodec.Read(Image); // 640x480: padding only
        using var resized = new Mat();
        Cv2.Resize(padded, resized, new Size(800, 600)); // needs the bilinear resize as well

        foreach (var frame in new[] { padded, resized })
        {
            Warm(() => predictor.Predict(frame));
            PoseDetections detections = null!;
            long allocated = SteadyAllocation.Least(() => detections = predictor.Predict(frame), rounds: 3);

            Assert.True(detections.Count > 0, $"{frame.Cols}x{frame.Rows}: the image has people");
            Assert.Equal(0, allocated);
        }
    }

    [RequiresSharedFact("models/yolo11n-pose_int8_floathead.onnx", "data/coco8-pose")]
    public void Flip_test_on_another_frame_of_the_same_size_allocates_nothing()
    {
        using var engine = new OnnxRuntimeEngine(TestPaths.FloatHeadModel);
        using var resizer = new OpenCvBgrResizer();
        using var predictor = new PosePredictor(engine, resizer, new PredictorOptions());
        var flip = new FlipTestPredictor(predictor, KeypointMeta.Coco17.FlipIndex);
        using var image = ImageCodec.Read(Image);

        Warm(() => flip.Predict(image));
        PoseDetections merged = null!;
        long allocated = SteadyAllocation.Least(() => merged = flip.Predict(image), rounds: 3);

        Assert.True(merged.Count > 0, "the image has people");
        Assert.Equal(0, allocated);
    }

    /// <summary>
    /// The first frames of a size allocate once: buffers sized for it, and the runtime's lazily made
    /// equality comparers the letterbox comparison uses on the second frame.
    /// </summary>
    private static void Warm(Action predict)
    {
        predict();
        predict();
    }
}
