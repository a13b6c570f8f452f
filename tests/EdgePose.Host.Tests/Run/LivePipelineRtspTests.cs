using System.Collections.Concurrent;
using System.Diagnostics;
using EdgePose.Core.Inference;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Sources;
using EdgePose.Host.Engines;
using EdgePose.Native.OpenCv;
using EdgePose.Native.Pipeline;
using EdgePose.Tests;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace EdgePose.Host.Tests.Run;

[CollectionDefinition(nameof(LiveRtspCollection), DisableParallelization = true)]
public sealed class LiveRtspCollection;

/// <summary>
/// The whole pipeline (ONNX Runtime, GStreamer, the real model) against the real RTSP test server on 127.0.0.1:
/// poses arrive, a crashing server is followed, a silent one is detected, a size change is followed. Runs alone:
/// it counts the process's threads and file handles.
/// </summary>
[Collection(nameof(LiveRtspCollection))]
public sealed class LivePipelineRtspTests(ITestOutputHelper output)
{
    private const string Model = "models/yolo11n-pose_int8_floathead.onnx";

    private static readonly PipelineOptions Options = new()
    {
        OpenTimeout = TimeSpan.FromSeconds(2),
        ReadTimeout = TimeSpan.FromSeconds(2),
        Reconnect = new ReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) },
    };

    [RequiresRtspServerAndSharedFact(Model)]
    public async Task Poses_arrive_from_an_rtsp_camera()
    {
        using var server = RtspTestServer.Start();
        var run = Live.Start(output, ("cam", server.Url("vtest")));

        await run.WaitUntil(() => run.Sink.Results.Count(r => r.Persons > 0) >= 3, TimeSpan.FromSeconds(30));
        await run.StopAsync();

        var results = run.Sink.Results.ToList();
        Assert.All(results, r => Assert.Equal((768, 576), (r.Width, r.Height)));
        Assert.Contains(results, r => r.Persons > 0);
    }

    [RequiresRtspServerAndSharedFact(Model)]
    public async Task A_server_killed_and_restarted_five_times_is_resumed_within_two_seconds_of_its_return_without_leaks()
    {
        using var server = RtspTestServer.Start();
        var run = Live.Start(output, ("cam", server.Url("clock")));
        var cam = run.Counters("cam");
        await run.WaitUntil(() => run.Sink.Results.Count >= 3, TimeSpan.FromSeconds(30));

        (int Threads, int Files, long Managed) baseline = default;
        var resumes = new List<double>();
        for (int round = 1; round <= 5; round++)
        {
            server.Kill();
            await run.WaitUntil(() => cam.State != SourceState.Live, TimeSpan.FromSeconds(5));
            await Task.Delay(500);
            server.Restart();
            var back = Stopwatch.StartNew();
            long captured = cam.Captured;
            int results = run.Sink.Results.Count;
            await run.WaitUntil(() => cam.State == SourceState.Live && cam.Captured > captured, TimeSpan.FromSeconds(10));
            resumes.Add(back.Elapsed.TotalSeconds);
            await run.WaitUntil(() => run.Sink.Results.Count > results + 2, TimeSpan.FromSeconds(20));
            if (round == 1)
            {
                baseline = Resources();
            }
        }

        var end = Resources();
        await run.StopAsync();
        output.WriteLine($"resumed after the server's return in {string.Join(", ", resumes.Select(s => s.ToString("0.00 s", System.Globalization.CultureInfo.InvariantCulture)))}");
        output.WriteLine($"threads {baseline.Threads} -> {end.Threads}, open files {baseline.Files} -> {end.Files}, managed {baseline.Managed / 1024} -> {end.Managed / 1024} KiB");
        Assert.All(resumes, s => Assert.True(s <= 2.0, $"resumed {s:0.00} s after the server's return"));
        Assert.True(cam.Reconnects >= 5, $"{cam.Reconnects} reconnect attempts");
        Assert.True(end.Threads <= baseline.Threads + 6, $"threads {baseline.Threads} -> {end.Threads}");
        Assert.True(end.Files <= baseline.Files + 8, $"open files {baseline.Files} -> {end.Files}");
        Assert.True(end.Managed <= baseline.Managed + (16 << 20), $"managed memory {baseline.Managed} -> {end.Managed}");
    }

    [RequiresRtspServerAndSharedFact(Model)]
    public async Task A_server_that_accepts_and_then_sends_nothing_is_detected_within_the_open_timeout()
    {
        using var silent = new SilentTcpServer();
        using var server = RtspTestServer.Start();
        var run = Live.Start(output, ("mute", silent.Url("/stream", "user:secret")), ("cam", server.Url("clock")));
        var mute = run.Counters("mute");

        var watch = Stopwatch.StartNew();
        await run.WaitUntil(() => mute.Reconnects >= 1, TimeSpan.FromSeconds(10));
        var detected = watch.Elapsed;
        await run.WaitUntil(() => run.Sink.Results.Count(r => r.Source == "cam") >= 3, TimeSpan.FromSeconds(30));
        await run.StopAsync();

        output.WriteLine($"silent server detected after {detected.TotalSeconds:0.00} s: {mute.LastError}");
        Assert.True(detected <= Options.OpenTimeout + TimeSpan.FromSeconds(1.5), $"detected after {detected.TotalSeconds:0.00} s");
        Assert.Contains("gave no frame within 2 s", mute.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", mute.LastError, StringComparison.Ordinal);
        Assert.Equal(0, mute.Captured);
    }

    [RequiresRtspServerAndSharedFact(Model)]
    public async Task A_stream_dying_mid_run_is_reported_while_the_other_source_keeps_running()
    {
        using var dying = RtspTestServer.Start();
        using var steady = RtspTestServer.Start();
        var run = Live.Start(output, ("dying", dying.Url("clock")), ("steady", steady.Url("clock")));
        await run.WaitUntil(() => run.Sink.Results.Count(r => r.Source == "dying") >= 2 && run.Sink.Results.Count(r => r.Source == "steady") >= 2, TimeSpan.FromSeconds(30));

        dying.Kill();
        await run.WaitUntil(() => run.Counters("dying").State != SourceState.Live, TimeSpan.FromSeconds(5));
        int steadyBefore = run.Sink.Results.Count(r => r.Source == "steady");
        await run.WaitUntil(() => run.Sink.Results.Count(r => r.Source == "steady") >= steadyBefore + 5, TimeSpan.FromSeconds(30));
        await run.StopAsync();

        output.WriteLine($"dying: {run.Counters("dying").LastError}");
        Assert.Contains("dying", run.Counters("dying").LastError, StringComparison.Ordinal);
        Assert.Equal(0, run.Counters("steady").Reconnects);
    }

    [RequiresRtspServerAndSharedFact(Model)]
    public async Task A_frame_size_change_mid_stream_is_followed()
    {
        using var server = RtspTestServer.Start("--resize-period", "1.5");
        var run = Live.Start(output, ("resize", server.Url("resize")));

        await run.WaitUntil(() => run.Sink.Results.Select(r => r.Width).Distinct().Count() >= 2, TimeSpan.FromSeconds(30));
        await run.StopAsync();

        Assert.True(run.Counters("resize").FormatChanges >= 1);
        Assert.Contains(run.Sink.Results, r => (r.Width, r.Height) == (640, 480));
        Assert.Contains(run.Sink.Results, r => (r.Width, r.Height) == (320, 240));
        Assert.Equal(0, run.Counters("resize").Reconnects);
    }

    private static (int Threads, int Files, long Managed) Resources()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return (self.Threads.Count, Directory.GetFiles("/proc/self/fd").Length, GC.GetTotalMemory(forceFullCollection: true));
    }

    /// <summary>A pipeline running in the background on real sources, the shared model and a recording sink.</summary>
    private sealed class Live
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _run;
        private readonly IDisposable[] _owned;

        private Live(PosePipeline pipeline, RecordingSink sink, IDisposable[] owned)
        {
            Pipeline = pipeline;
            Sink = sink;
            _owned = owned;
            _run = pipeline.RunAsync(_stop.Token);
        }

        public PosePipeline Pipeline { get; }

        public RecordingSink Sink { get; }

        public static Live Start(ITestOutputHelper output, params (string Id, string Uri)[] sources)
        {
            var engine = EngineFactory.Open(TestPaths.FloatHeadModel, new EngineOptions());
            var model = new PoseModel(engine, new PredictorOptions(), "yolo11n-pose");
            var resizer = new OpenCvBgrResizer();
            var list = sources.Select((s, i) => new PipelineSource(i, s.Id, SourceUri.Parse(s.Uri, Predict.FileSystemPaths.Instance), new SourcePipelineOptions())).ToList();
            var sink = new RecordingSink();
            var pipeline = new PosePipeline(model, resizer, new GstFrameReaderFactory(), list, [sink], Options, NullLogger.Instance);
            return new Live(pipeline, sink, [pipeline, resizer, engine]);
        }

        public SourceCounters Counters(string id) => Pipeline.Stats.Sources.Single(s => s.Source.Id == id);

        public async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                Assert.False(_run.IsCompleted, "the pipeline stopped");
                Assert.True(watch.Elapsed < timeout, $"not within {timeout.TotalSeconds} s; sources: {string.Join("; ", Pipeline.Stats.Sources.Select(s => $"{s.Source.Id} {s.State} captured {s.Captured} error {s.LastError}"))}");
                await Task.Delay(20);
            }
        }

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            var finished = await Task.WhenAny(_run, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.True(finished == _run, "the pipeline did not stop within 20 s");
            await _run;
            foreach (var d in _owned)
            {
                d.Dispose();
            }

            _stop.Dispose();
        }
    }

    private sealed class RecordingSink : IPoseSink
    {
        public ConcurrentQueue<(string Source, long Sequence, int Width, int Height, int Persons)> Results { get; } = new();

        public string Name => "record";

        public bool NeedsPixels => false;

        public ValueTask WriteAsync(FrameResult result, CancellationToken cancellationToken)
        {
            Results.Enqueue((result.Source.Id, result.Sequence, result.Width, result.Height, result.Poses.Count));
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
