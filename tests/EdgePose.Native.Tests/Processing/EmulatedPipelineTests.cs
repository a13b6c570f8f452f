using System.Collections.Concurrent;
using EdgePose.Core.Decoding;
using EdgePose.Core.Frames;
using EdgePose.Core.Inference;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;
using EdgePose.Core.Processing;
using EdgePose.Core.Sources;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Native.Processing;
using EdgePose.Native.Tests.Cuda;
using EdgePose.Native.Tests.Kernels;
using EdgePose.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace EdgePose.Native.Tests.Processing;

/// <summary>
/// The whole live pipeline (real model, ONNX Runtime on the CPU) run through the CUDA kernels' logic on the CPU
/// (<see cref="EmulatedFrameProcessor"/>) against the CPU path: the poses of every frame are equal, for BGR frames
/// and for NV12 frames (which the CPU path reads as OpenCV's BGR conversion).
/// </summary>
public class EmulatedPipelineTests(ITestOutputHelper output)
{
    [RequiresSharedFact(ModelOutputs.Model, Coco8Frames.Images)]
    public async Task Bgr_frames_through_the_emulated_kernels_give_the_cpu_path_s_poses()
    {
        var images = Coco8Frames.Load().Take(4).ToList(); // four sizes and poses are enough; each run loads the model
        var bgr = images.ToDictionary(i => i.Name, i => (i.Bgr, new FrameShape(i.Width, i.Height, PixelFormat.Bgr24)));

        var cpu = await RunAsync(bgr, model => CpuFrameProcessor.For(model, new BilinearBgrResizer()));
        var emulated = await RunAsync(bgr, EmulatedFrameProcessor.For);

        AssertSamePoses(cpu, emulated, images.Count);
    }

    [RequiresSharedFact(ModelOutputs.Model, Coco8Frames.Images)]
    public async Task Nv12_frames_through_the_emulated_kernels_give_the_cpu_path_s_poses_of_their_bgr_conversion()
    {
        var images = Coco8Frames.Load().Take(4).ToList(); // four sizes and poses are enough; each run loads the model

        var cpu = await RunAsync(images.ToDictionary(i => i.Name, i => (i.BgrOfNv12, new FrameShape(i.Width, i.Height, PixelFormat.Bgr24))), model => CpuFrameProcessor.For(model, new BilinearBgrResizer()));
        var emulated = await RunAsync(images.ToDictionary(i => i.Name, i => (i.Nv12, new FrameShape(i.Width, i.Height, PixelFormat.Nv12))), EmulatedFrameProcessor.For);

        AssertSamePoses(cpu, emulated, images.Count);
    }

    private void AssertSamePoses(IReadOnlyDictionary<(string, long), PoseDetections> cpu, IReadOnlyDictionary<(string, long), PoseDetections> emulated, int frames)
    {
        Assert.Equal(frames, cpu.Count);
        Assert.Equal(cpu.Keys.Order(), emulated.Keys.Order());
        int persons = 0;
        foreach (var (key, expected) in cpu)
        {
            Assert.True(GpuProcessorParity.Difference(expected, emulated[key]) is null, $"{key}: {GpuProcessorParity.Difference(expected, emulated[key])}");
            persons += expected.Count;
        }

        Assert.True(persons > 0, "the images show people: some poses are expected");
        output.WriteLine($"{frames} frames, {persons} poses: equal");
    }

    private static async Task<Dictionary<(string, long), PoseDetections>> RunAsync(
        IReadOnlyDictionary<string, (byte[] Pixels, FrameShape Shape)> images, Func<PoseModel, IFrameProcessor> processor)
    {
        using var engine = new OnnxRuntimeEngine(TestPaths.FloatHeadModel);
        var model = new PoseModel(engine, new PredictorOptions(), "yolo11n-pose");
        var sources = images.Keys.Select((id, i) => new PipelineSource(i, id, SourceUri.Parse("test://ball?live=false", NoPaths.Instance), new SourcePipelineOptions())).ToList();
        var sink = new SnapshotSink(model.KeypointCount);
        using var processing = processor(model);
        using (var pipeline = new PosePipeline(model, processing, new StillFrameReaders(images, framesEach: 1), sources, [sink], new PipelineOptions { Decode = new DecodeOptions() }, NullLogger.Instance))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await pipeline.RunAsync(timeout.Token);
        }

        return new Dictionary<(string, long), PoseDetections>(sink.Poses);
    }

    private sealed class SnapshotSink(int keypoints) : IPoseSink
    {
        public ConcurrentDictionary<(string, long), PoseDetections> Poses { get; } = new();

        public string Name => "snapshot";

        public bool NeedsPixels => false;

        public ValueTask WriteAsync(FrameResult result, CancellationToken cancellationToken)
        {
            var src = result.Poses;
            var copy = new PoseDetections(Math.Max(1, src.Count), keypoints);
            for (int i = 0; i < src.Count; i++)
            {
                var b = src.Box(i);
                int j = copy.Add(b[0], b[1], b[2], b[3], src.Score(i), src.ClassId(i), src.Anchor(i));
                src.Keypoints(i).CopyTo(copy.Keypoints(j));
            }

            Poses[(result.Source.Id, result.Sequence)] = copy;
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class NoPaths : IPathProbe
    {
        public static readonly NoPaths Instance = new();

        public PathKind Probe(string path) => PathKind.Missing;
    }
}
