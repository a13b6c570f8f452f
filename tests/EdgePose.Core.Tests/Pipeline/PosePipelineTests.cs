using EdgePose.Core.Frames;
using EdgePose.Core.Pipeline;

namespace EdgePose.Core.Tests.Pipeline;

public sealed class PosePipelineTests
{
    private static readonly PipelineOptions Fast = new()
    {
        ReadTimeout = TimeSpan.FromMilliseconds(300),
        OpenTimeout = TimeSpan.FromSeconds(1),
        Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) },
    };

    [Fact]
    public async Task File_sources_hand_over_every_frame_in_order_and_end_the_run()
    {
        using var h = new PipelineHarness(new()
        {
            ["a"] = (false, new ScriptedSource { Frames = 40 }),
            ["b"] = (false, new ScriptedSource { Frames = 25 }),
        });

        await h.RunAsync();

        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), h.Sink.Results.Where(r => r.Source == "a").Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), h.Sink.Results.Where(r => r.Source == "b").Select(r => r.Sequence));
        Assert.All(h.Stats.Sources, s => Assert.Equal(SourceState.Ended, s.State));
        Assert.Equal(0, h.Stats.FramesDropped);
        Assert.Equal(1, h.Sink.Completed);
        Assert.Equal(0, h.Pipeline.FramesOutstanding);
    }

    [Fact]
    public async Task Poses_arrive_in_the_frame_pixels()
    {
        using var h = new PipelineHarness(new()
        {
            ["big"] = (false, new ScriptedSource { Frames = 3, Shape = new FrameShape(128, 128, PixelFormat.Bgr24) }),
        });

        await h.RunAsync();

        // The engine puts a 32-pixel box at the centre of its 64-pixel input: 64 pixels wide in a 128-pixel frame.
        Assert.All(h.Sink.Results, r =>
        {
            Assert.Equal(1, r.Persons);
            Assert.Equal(32, r.X1, 3);
            Assert.Equal(96, r.X2, 3);
        });
    }

    [Fact]
    public async Task A_live_source_faster_than_the_engine_keeps_only_its_newest_frame()
    {
        using var h = new PipelineHarness(
            new() { ["cam"] = (true, new ScriptedSource { Fps = 200 }) },
            new TinyPoseEngine(runTime: TimeSpan.FromMilliseconds(25)),
            Fast);

        await h.RunAsync(TimeSpan.FromSeconds(1.5));

        var cam = h.Counters("cam");
        Assert.True(cam.Dropped > cam.Inferred, $"captured {cam.Captured}, inferred {cam.Inferred}, dropped {cam.Dropped}");
        // Only the newest frame waits: no frame waits for more than a couple of engine runs.
        Assert.True(h.Stats.Stage(PipelineStage.Queue).Summary().P99 < 150, h.Stats.Stage(PipelineStage.Queue).Summary().ToString());
        Assert.Equal(0, h.Pipeline.FramesOutstanding);
    }

    [Fact]
    public async Task Four_live_sources_at_different_rates_get_their_fair_shares()
    {
        var rates = new Dictionary<string, double> { ["s5"] = 5, ["s20"] = 20, ["s50"] = 50, ["s100"] = 100 };
        using var h = new PipelineHarness(
            rates.ToDictionary(r => r.Key, r => (true, new ScriptedSource { Fps = r.Value })),
            new TinyPoseEngine(runTime: TimeSpan.FromMilliseconds(20)),
            Fast);

        // Counted from 1 s into the run: the shares of the steady state, not of the start, where the first
        // inferences (the JIT warming up in a fresh process) take long enough for the slowest camera to lose frames.
        var run = h.RunAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var capturedAt1s = rates.Keys.ToDictionary(k => k, k => h.Counters(k).Captured);
        var inferredAt1s = rates.Keys.ToDictionary(k => k, k => h.Counters(k).Inferred);
        await run;

        // Max-min fairness: each source gets an equal share of the inferences, or all it offers when that is less.
        var offered = rates.Keys.ToDictionary(k => k, k => (double)(h.Counters(k).Captured - capturedAt1s[k]));
        var inferred = rates.Keys.ToDictionary(k => k, k => (double)(h.Counters(k).Inferred - inferredAt1s[k]));
        var fair = FairShares.MaxMin(offered, inferred.Values.Sum());
        foreach (var id in rates.Keys)
        {
            double got = inferred[id];
            Assert.True(Math.Abs(got - fair[id]) <= (0.10 * fair[id]) + 2, $"{id}: {got} inferences, fair share {fair[id]:0.0} (offered {offered[id]}, total {inferred.Values.Sum()})");
        }
    }

    [Fact]
    public async Task A_source_that_cannot_be_opened_fails_alone()
    {
        using var h = new PipelineHarness(new()
        {
            ["broken"] = (false, new ScriptedSource { FailedOpens = int.MaxValue }),
            ["good"] = (false, new ScriptedSource { Frames = 30 }),
        });

        await h.RunAsync();

        Assert.Equal(SourceState.Failed, h.Counters("broken").State);
        Assert.Contains("could not be reached", h.Counters("broken").LastError, StringComparison.Ordinal);
        Assert.Equal(30, h.Sink.Count("good"));
    }

    [Fact]
    public async Task A_live_stream_dying_mid_run_is_reconnected_while_others_keep_running()
    {
        using var h = new PipelineHarness(
            new()
            {
                ["flaky"] = (true, new ScriptedSource { Fps = 50, FailAfter = 10, FailedOpens = 1 }),
                ["steady"] = (true, new ScriptedSource { Fps = 30 }),
            },
            options: Fast);

        await h.RunAsync(TimeSpan.FromSeconds(2));

        Assert.True(h.Readers.Opens("flaky") >= 3, $"opened {h.Readers.Opens("flaky")} times");
        Assert.True(h.Counters("flaky").Inferred >= 20, $"flaky inferred {h.Counters("flaky").Inferred}");
        // The steady camera kept going: never reopened, and its frames kept being inferred, counted against what it
        // captured in whatever share of the 2 s a busy machine gave it. The fresh-frame wait drops up to every other
        // live frame by design (about 30 of 60 here); a pipeline the other's failures stopped or held up infers far fewer.
        var steady = h.Counters("steady");
        Assert.True(steady.Captured >= 20, $"steady captured {steady.Captured}");
        Assert.True(steady.Inferred >= steady.Captured / 3, $"steady inferred {steady.Inferred} of {steady.Captured}, dropped {steady.Dropped}");
        Assert.Equal(1, h.Readers.Opens("steady"));
        Assert.Equal(0, h.Pipeline.FramesOutstanding);
    }

    [Fact]
    public async Task A_stalled_live_source_is_detected_within_the_read_timeout_and_reopened()
    {
        using var h = new PipelineHarness(new() { ["stall"] = (true, new ScriptedSource { Fps = 50, StallAfter = 5 }) }, options: Fast);

        await h.RunAsync(TimeSpan.FromSeconds(1.5));

        var c = h.Counters("stall");
        Assert.True(c.Stalls >= 2, $"{c.Stalls} stalls");
        Assert.True(h.Readers.Opens("stall") >= 3, $"opened {h.Readers.Opens("stall")} times");
    }

    [Fact]
    public async Task A_frame_size_change_mid_stream_maps_poses_to_the_new_size()
    {
        using var h = new PipelineHarness(new()
        {
            ["resize"] = (false, new ScriptedSource { Frames = 10, SecondShape = new FrameShape(32, 32, PixelFormat.Bgr24), ShapeChangeAfter = 4 }),
        });

        await h.RunAsync();

        var results = h.Sink.Results.ToList();
        Assert.Equal(10, results.Count);
        Assert.All(results.Take(4), r => Assert.Equal(64, r.Width));
        Assert.All(results.Skip(4), r =>
        {
            Assert.Equal(32, r.Width);
            Assert.Equal(8, r.X1, 3);
            Assert.Equal(24, r.X2, 3);
        });
        Assert.Equal(1, h.Counters("resize").FormatChanges);
    }

    [Fact]
    public async Task A_failing_sink_is_counted_and_the_other_sinks_get_everything()
    {
        var good = new CollectingSink("good");
        var bad = new CollectingSink("bad", fail: true);
        using var h = new PipelineHarness(new() { ["f"] = (false, new ScriptedSource { Frames = 20 }) }, sinks: [good, bad]);

        await h.RunAsync();

        Assert.Equal(20, good.Results.Count);
        Assert.Equal(20, h.Stats.Sink("bad").Failed);
        Assert.Equal(0, h.Pipeline.FramesOutstanding);
    }

    [Fact]
    public async Task A_slow_sink_drops_oldest_live_results_without_slowing_inference()
    {
        // 200 ms a result: the slow sink takes at most ~8 in the run plus its queue, however loaded the machine.
        var slow = new CollectingSink("slow", delay: TimeSpan.FromMilliseconds(200));
        var fast = new CollectingSink("fast");
        using var h = new PipelineHarness(new() { ["cam"] = (true, new ScriptedSource { Fps = 100 }) }, new TinyPoseEngine(runTime: TimeSpan.FromMilliseconds(5)), Fast, fast, slow);

        await h.RunAsync(TimeSpan.FromSeconds(1.5));

        Assert.True(h.Stats.Sink("slow").Dropped > 0, "the slow sink dropped nothing");
        Assert.True(fast.Results.Count > 3 * slow.Results.Count, $"fast {fast.Results.Count}, slow {slow.Results.Count}");
        Assert.Equal(0, h.Pipeline.FramesOutstanding);
    }

    [Fact]
    public async Task Stopping_drains_what_is_in_flight_through_every_sink()
    {
        using var h = new PipelineHarness(new() { ["cam"] = (true, new ScriptedSource { Fps = 30 }) }, options: Fast);

        await h.RunAsync(TimeSpan.FromSeconds(0.7));

        Assert.Equal(SourceState.Stopped, h.Counters("cam").State);
        Assert.Equal(h.Counters("cam").Inferred, h.Sink.Results.Count);
        Assert.Equal(1, h.Sink.Completed);
        Assert.Equal(0, h.Pipeline.FramesOutstanding);
    }

    [Fact]
    public async Task Waiting_briefly_for_the_next_live_frame_runs_fresher_frames()
    {
        async Task<double> QueueP50(TimeSpan freshWait)
        {
            using var h = new PipelineHarness(
                new() { ["cam"] = (true, new ScriptedSource { Fps = 25 }) },
                new TinyPoseEngine(runTime: TimeSpan.FromMilliseconds(50)),
                Fast with { FreshFrameWait = freshWait });
            await h.RunAsync(TimeSpan.FromSeconds(2.5));
            return h.Stats.Stage(PipelineStage.Queue).Summary().P50;
        }

        // A 40 ms frame interval and a 50 ms engine: a frame taken when the engine frees up waited 20 ms on average.
        double without = await QueueP50(TimeSpan.Zero);
        double with = await QueueP50(TimeSpan.FromMilliseconds(40));

        Assert.True(with + 8 < without, $"queue p50 {with:0.0} ms waiting for fresh frames, {without:0.0} ms without");
    }

    [Fact]
    public async Task With_tracking_a_person_keeps_one_id_per_source_across_frames()
    {
        var sink = new TrackSink();
        using var h = new PipelineHarness(
            new() { ["a"] = (false, new ScriptedSource { Frames = 12 }), ["b"] = (false, new ScriptedSource { Frames = 12 }) },
            options: new PipelineOptions { Tracker = new EdgePose.Core.Tracking.TrackerOptions() },
            sinks: sink);

        await h.RunAsync();

        foreach (var source in new[] { "a", "b" })
        {
            var ids = sink.Tracks.Where(t => t.Source == source).OrderBy(t => t.Sequence).Select(t => t.Track).ToList();
            Assert.Equal(12, ids.Count);
            Assert.Single(ids.Skip(1).Distinct()); // from its second frame on, the one person has one id
            Assert.True(ids[^1] >= 1);
        }
    }

    private sealed class TrackSink : IPoseSink
    {
        public System.Collections.Concurrent.ConcurrentQueue<(string Source, long Sequence, int Track)> Tracks { get; } = new();

        public string Name => "tracks";

        public bool NeedsPixels => false;

        public ValueTask WriteAsync(FrameResult result, CancellationToken cancellationToken)
        {
            Assert.True(result.IsTracked);
            Tracks.Enqueue((result.Source.Id, result.Sequence, result.TrackId(0)));
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Batches_take_frames_from_several_sources()
    {
        using var h = new PipelineHarness(
            new()
            {
                ["a"] = (false, new ScriptedSource { Frames = 40 }),
                ["b"] = (false, new ScriptedSource { Frames = 40 }),
                ["c"] = (false, new ScriptedSource { Frames = 40 }),
                ["d"] = (false, new ScriptedSource { Frames = 40 }),
            },
            new TinyPoseEngine(maxBatch: 4, runTime: TimeSpan.FromMilliseconds(10)),
            new PipelineOptions { MaxBatch = 4 });

        await h.RunAsync();

        Assert.Equal(160, h.Sink.Results.Count);
        Assert.True(h.Stats.MeanBatch > 3, $"mean batch {h.Stats.MeanBatch}");
    }

    [Fact]
    public async Task An_engine_failure_stops_the_run_with_its_error()
    {
        using var h = new PipelineHarness(new() { ["cam"] = (true, new ScriptedSource { Fps = 50 }) }, new TinyPoseEngine { FailFromRun = 3 }, Fast);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => h.RunAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("failed on purpose", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Pipeline.FramesOutstanding);
    }
}
