using EdgePose.Core.Decoding;
using EdgePose.Core.Frames;
using EdgePose.Core.Poses;
using EdgePose.Native.Tests.Cuda;
using EdgePose.Native.Tests.Kernels;
using EdgePose.Tests;
using Xunit.Abstractions;

namespace EdgePose.Native.Tests.Processing;

/// <summary>Once warm, a processor's preprocess and decode of a frame allocate no managed memory on the calling thread.</summary>
public class ProcessorAllocationTests(ITestOutputHelper output)
{
    [Fact]
    public void The_emulated_processor_allocates_nothing_per_frame() => AssertNoAllocation(ProcessorTarget.Emulated);

    [RequiresGpuFact]
    public void The_gpu_processor_allocates_nothing_per_frame()
    {
        using var gpu = new GpuSession();
        AssertNoAllocation(ProcessorTarget.Gpu(gpu, zeroCopy: false));
        AssertNoAllocation(ProcessorTarget.Gpu(gpu, zeroCopy: true));
    }

    private void AssertNoAllocation(ProcessorTarget target)
    {
        var raw = RandomRawFrame.Create(new Random(3), 8400);
        var layout = raw.Layout;
        int size = raw.Box.TargetWidth;
        using var processor = target.Create(layout, size);
        var engines = target.Engines(layout, size);
        var sets = engines.Select(e => (SyntheticBufferSet)processor.CreateBufferSet(e)).ToArray();
        var rng = new Random(5);
        using var bgr = GpuProcessorParity.Bgr(rng, 1280, 720, 1280 * 3);
        using var nv12 = GpuProcessorParity.Nv12(rng, 1280, 720, 1280);
        var detections = new PoseDetections(300, layout.KeypointCount);
        var options = new DecodeOptions { Confidence = 0.1f };
        try
        {
            foreach (var set in sets)
            {
                set.SetOutput(0, raw.Output);
            }

            void Frame(Frame frame)
            {
                foreach (var set in sets)
                {
                    var box = processor.Preprocess(frame, set, 0);
                    processor.CompletePreprocess(set);
                    processor.Decode(set, 0, box, options, detections);
                }
            }

            Frame(bgr.Frame);
            Frame(nv12.Frame);
            long bytes = SteadyAllocation.Least(() =>
            {
                Frame(bgr.Frame);
                Frame(nv12.Frame);
            });
            output.WriteLine($"{target.Name}: {bytes} bytes over 2 frames into {sets.Length} buffer sets (the least of 5 rounds), {detections.Count} detections each");
            Assert.Equal(0, bytes);
        }
        finally
        {
            foreach (var set in sets)
            {
                set.Dispose();
            }

            foreach (var engine in engines)
            {
                engine.Dispose();
            }
        }
    }
}
