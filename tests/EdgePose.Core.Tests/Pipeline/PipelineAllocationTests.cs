using EdgePose.Core.Pipeline;
using Xunit.Abstractions;

namespace EdgePose.Core.Tests.Pipeline;

/// <summary>Counts every thread's allocations, so it runs alone (no other test allocating meanwhile).</summary>
[Collection(AllocationMeasurement.Name)]
public sealed class PipelineAllocationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Steady_state_frames_allocate_almost_nothing(bool live)
    {
        var sink = new CountingSink();
        using var h = new PipelineHarness(
            new() { ["a"] = (live, new ScriptedSource { Frames = 20000 }), ["b"] = (live, new ScriptedSource { Frames = 20000 }) },
            new TinyPoseEngine(maxBatch: 2),
            new PipelineOptions { MaxBatch = 2 },
            sink);

        var run = h.RunAsync(TimeSpan.FromSeconds(8));
        while (sink.Count < 1000)
        {
            await Task.Delay(10);
        }

        // Three windows of 1000 frames; the least counts, so that the runtime's one-off work in one window (the JIT's
        // tiers finishing when this test runs alone in a fresh process) does not, while a per-frame allocation shows
        // in every window.
        var perFrame = new List<double>();
        for (int window = 0; window < 3 && !run.IsCompleted; window++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            long framesBefore = sink.Count;
            while (sink.Count < framesBefore + 1000 && !run.IsCompleted)
            {
                await Task.Delay(10);
            }

            long bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
            long frames = sink.Count - framesBefore;
            perFrame.Add(bytes / (double)frames);
            output.WriteLine($"{bytes} bytes over {frames} frames: {bytes / (double)frames:0.0} bytes per frame");
        }

        await run;
        // Frames, results, batches and their buffers are pooled; what remains (about 100 bytes a frame here, with the
        // test's own polling) is thread-pool wake-ups between stages. A per-frame object or buffer would be kilobytes.
        Assert.True(perFrame.Count == 3, $"the run ended after {perFrame.Count} windows of 1000 frames");
        Assert.True(perFrame.Min() < 200, $"{string.Join(", ", perFrame.Select(p => p.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)))} bytes per frame");
    }

    private sealed class CountingSink : IPoseSink
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public string Name => "count";

        public bool NeedsPixels => false;

        public ValueTask WriteAsync(FrameResult result, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationMeasurement
{
    public const string Name = "allocation measurement (runs alone)";
}
