using OpenCvSharp;
using EdgePose.Core.Engines;
using EdgePose.Core.Inference;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using Xunit.Abstractions;

namespace EdgePose.Host.Tests.Inference;

/// <summary>
/// Batches on a dynamic-batch copy of the shared model, made here (input and output batch set to a symbol):
/// per image the detections of a single run, partial batches, two buffer sets in flight, no allocation per batch.
/// </summary>
public sealed class BatchInferenceTests(ITestOutputHelper output) : IDisposable
{
    private const string Model = "models/yolo11n-pose_int8_floathead.onnx";
    private const string Data = "data/coco8-pose";
    private static readonly string[] Images =
    [
        Path.Combine("val", "000000000110.jpg"),
        Path.Combine("val", "000000000113.jpg"),
        Path.Combine("train", "000000000036.jpg"),
        Path.Combine("train", "000000000077.jpg"),
    ];

    private readonly string _dir = TestPaths.NewTempDir();
    private readonly OpenCvBgrResizer _resizer = new();

    public void Dispose()
    {
        _resizer.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [RequiresSharedFact(Model, Data)]
    public void Dynamic_batch_copy_declares_a_symbolic_batch_and_runs_up_to_the_asked_batch()
    {
        using var engine = OpenDynamic(4);

        Assert.True(engine.HasDynamicBatch);
        Assert.Equal(4, engine.MaxBatch);
        Assert.Equal(new TensorShape([-1, 3, 640, 640]), Assert.Single(engine.DeclaredInputs).Shape);
        Assert.Equal(new TensorShape([4, 3, 640, 640]), Assert.Single(engine.Inputs).Shape);
        Assert.Equal(new TensorShape([4, 56, 8400]), Assert.Single(engine.Outputs).Shape);
    }

    [RequiresSharedFact(Model, Data)]
    public void Batch_of_four_different_images_gives_each_the_detections_of_a_single_run()
    {
        var singles = SingleRuns();
        using var engine = OpenDynamic(4);
        using var batch = new BatchPosePredictor(engine, _resizer, new PredictorOptions());
        var mats = Images.Select(Read).ToArray();
        try
        {
            foreach (var mat in mats)
            {
                batch.Add(mat.AsBgrImage());
            }

            batch.Run();

            Assert.Equal(4, batch.LastBatch);
            batch.Buffers.Output(0, out var shape);
            Assert.Equal(new TensorShape([4, 56, 8400]), shape);
            for (var i = 0; i < 4; i++)
            {
                AssertSame(Images[i], singles[i], batch.Detections(i));
            }
        }
        finally
        {
            Array.ForEach(mats, m => m.Dispose());
        }
    }

    [RequiresSharedFact(Model, Data)]
    public void Partial_batch_of_three_runs_three_images_with_their_single_run_detections()
    {
        var singles = SingleRuns();
        using var engine = OpenDynamic(4);
        using var batch = new BatchPosePredictor(engine, _resizer, new PredictorOptions());
        var mats = Images.Select(Read).ToArray();
        try
        {
            // A full batch first, so slot 3 holds an image that must not leak into the partial run.
            foreach (var mat in mats)
            {
                batch.Add(mat.AsBgrImage());
            }

            batch.Run();
            for (var i = 2; i >= 0; i--)
            {
                batch.Add(mats[i].AsBgrImage());
            }

            batch.Run();

            Assert.Equal(3, batch.LastBatch);
            batch.Buffers.Output(0, out var shape);
            Assert.Equal(new TensorShape([3, 56, 8400]), shape);
            Assert.Throws<ArgumentOutOfRangeException>(() => batch.Detections(3));
            for (var slot = 0; slot < 3; slot++)
            {
                AssertSame(Images[2 - slot], singles[2 - slot], batch.Detections(slot));
            }
        }
        finally
        {
            Array.ForEach(mats, m => m.Dispose());
        }
    }

    [RequiresSharedFact(Model, Data)]
    public async Task Buffer_set_a_is_written_while_buffer_set_b_runs()
    {
        var singles = SingleRuns();
        using var engine = OpenDynamic(4);
        using var a = engine.CreateBufferSet();
        using var b = engine.CreateBufferSet();
        var writer = new LetterboxPreprocessor(_resizer, 640, 640);
        var mats = Images.Select(Read).ToArray();
        try
        {
            // Batch n (two images) in B; it runs on another thread while batch n+1 is written into A.
            var boxesB = new[] { writer.Write(mats[0].AsBgrImage(), b, 0), writer.Write(mats[1].AsBgrImage(), b, 1) };
            var running = Task.Run(() => engine.Enqueue(b, 2));
            int writesWhileRunning = 0;
            Letterbox[] boxesA = [];
            do
            {
                boxesA = [writer.Write(mats[2].AsBgrImage(), a, 0), writer.Write(mats[3].AsBgrImage(), a, 1)];
                writesWhileRunning += running.IsCompleted ? 0 : 1;
            }
            while (!running.IsCompleted);

            var completion = await running;
            Assert.True(completion.Wait(TimeSpan.Zero));
            Assert.True(writesWhileRunning > 0, "A was not written while B ran");
            output.WriteLine($"set A written {writesWhileRunning} times while set B ran");
            AssertDecoded(engine, b, boxesB, [0, 1], singles);

            engine.Enqueue(a, 2);
            AssertDecoded(engine, a, boxesA, [2, 3], singles);
        }
        finally
        {
            Array.ForEach(mats, m => m.Dispose());
        }
    }

    [RequiresSharedFact(Model, Data)]
    public void Another_batch_of_the_same_images_allocates_nothing()
    {
        using var engine = OpenDynamic(4);
        using var batch = new BatchPosePredictor(engine, _resizer, new PredictorOptions());
        var mats = Images.Select(Read).ToArray();
        try
        {
            void RunAll()
            {
                foreach (var mat in mats)
                {
                    batch.Add(mat.AsBgrImage());
                }

                batch.Run();
            }

            RunAll();
            RunAll();
            long allocated = SteadyAllocation.Least(RunAll, rounds: 3);

            Assert.True(batch.Detections(0).Count > 0, "the first image has people");
            Assert.Equal(0, allocated);
        }
        finally
        {
            Array.ForEach(mats, m => m.Dispose());
        }
    }

    private OnnxRuntimeEngine OpenDynamic(int maxBatch) =>
        new(DynamicBatchOnnx.Save(TestPaths.FloatHeadModel, _dir), new OnnxRuntimeOptions { MaxBatch = maxBatch });

    private static Mat Read(string image) => ImageCodec.Read(Path.Combine(TestPaths.Coco8Pose, "images", image));

    /// <summary>Each image alone through the original (fixed batch 1) model.</summary>
    private PoseDetections[] SingleRuns()
    {
        using var engine = new OnnxRuntimeEngine(TestPaths.FloatHeadModel);
        using var predictor = new PosePredictor(engine, _resizer, new PredictorOptions());
        return [.. Images.Select(image =>
        {
            using var mat = Read(image);
            var copy = new PoseDetections(300, 17);
            copy.CopyFrom(predictor.Predict(mat.AsBgrImage()));
            return copy;
        })];
    }

    private static void AssertDecoded(OnnxRuntimeEngine engine, EngineBufferSet set, Letterbox[] boxes, int[] images, PoseDetections[] singles)
    {
        var decoder = Core.Decoding.PoseDecoders.Create(Core.Decoding.OutputLayoutResolver.Resolve(engine.Outputs[0], engine.Metadata));
        var detections = new PoseDetections(300, 17);
        for (var slot = 0; slot < images.Length; slot++)
        {
            decoder.Decode(set.Output(0, out _), slot, new Core.Decoding.DecodeOptions(), detections);
            boxes[slot].Unmap(detections);
            AssertSame(Images[images[slot]], singles[images[slot]], detections);
        }
    }

    /// <summary>Same detections: count, order, boxes and keypoints within 0.05 px, scores within 1e-4.</summary>
    private static void AssertSame(string image, PoseDetections expected, PoseDetections actual)
    {
        Assert.True(expected.Count > 0, $"{image}: no detection to compare");
        Assert.True(expected.Count == actual.Count, $"{image}: {actual.Count} detections in the batch, {expected.Count} alone");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(expected.Score(i) - actual.Score(i)) <= 1e-4, $"{image} #{i}: score {actual.Score(i)} vs {expected.Score(i)}");
            for (var c = 0; c < 4; c++)
            {
                Assert.True(Math.Abs(expected.Box(i)[c] - actual.Box(i)[c]) <= 0.05, $"{image} #{i}: box[{c}] {actual.Box(i)[c]} vs {expected.Box(i)[c]}");
            }

            var ek = expected.Keypoints(i);
            var ak = actual.Keypoints(i);
            for (var k = 0; k < ek.Length; k++)
            {
                Assert.True(Math.Abs(ek[k] - ak[k]) <= 0.05, $"{image} #{i}: keypoint value {k} {ak[k]} vs {ek[k]}");
            }
        }
    }
}
