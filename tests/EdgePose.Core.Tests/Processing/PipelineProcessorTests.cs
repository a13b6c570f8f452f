using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Frames;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;
using EdgePose.Core.Processing;
using EdgePose.Core.Tests.Pipeline;

namespace EdgePose.Core.Tests.Processing;

/// <summary>The pipeline letterboxes and decodes through the processor it is given, and makes its buffer sets through it.</summary>
public class PipelineProcessorTests
{
    [Fact]
    public async Task Every_frame_goes_through_the_given_processor_with_the_same_poses_as_the_cpu_path()
    {
        CountingProcessor? counting = null;
        using var h = new PipelineHarness(
            new() { ["a"] = (false, new ScriptedSource { Frames = 12, Shape = new FrameShape(128, 128, PixelFormat.Bgr24) }) },
            new TinyPoseEngine(maxBatch: 2),
            new PipelineOptions { MaxBatch = 2, BatchesInFlight = 3 },
            model => counting = new CountingProcessor(CpuFrameProcessor.For(model, new NearestResizer())),
            new CollectingSink());

        await h.RunAsync();

        Assert.Equal(3, counting!.BufferSets);
        Assert.Equal(12, counting.Preprocessed);
        Assert.InRange(counting.Completed, 6, 12); // one completion per batch of 1 or 2 frames
        Assert.Equal(0, counting.PreprocessedUncompleted); // the last batch was completed too
        Assert.Equal(12, counting.Decoded);
        Assert.Equal(12, h.Sink.Results.Count);
        Assert.All(h.Sink.Results, r => Assert.Equal((1, 32f, 96f), (r.Persons, r.X1, r.X2)));
        Assert.False(counting.Disposed); // the caller's processor outlives the pipeline
    }

    private sealed class CountingProcessor(IFrameProcessor inner) : IFrameProcessor
    {
        public int BufferSets;
        public int Preprocessed;
        public int Completed;
        public int PreprocessedUncompleted;
        public int Decoded;
        public bool Disposed;

        public string Description => "counting " + inner.Description;

        public EngineBufferSet CreateBufferSet(IInferenceEngine engine)
        {
            BufferSets++;
            return inner.CreateBufferSet(engine);
        }

        public Letterbox Preprocess(Frame frame, EngineBufferSet buffers, int slot)
        {
            Interlocked.Increment(ref Preprocessed);
            Interlocked.Increment(ref PreprocessedUncompleted);
            return inner.Preprocess(frame, buffers, slot);
        }

        public void CompletePreprocess(EngineBufferSet buffers)
        {
            Interlocked.Increment(ref Completed);
            PreprocessedUncompleted = 0;
            inner.CompletePreprocess(buffers);
        }

        public void Decode(EngineBufferSet buffers, int slot, in Letterbox box, DecodeOptions options, PoseDetections detections)
        {
            Interlocked.Increment(ref Decoded);
            inner.Decode(buffers, slot, box, options, detections);
        }

        public void Dispose() => Disposed = true;
    }
}
