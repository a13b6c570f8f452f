using EdgePose.Host.Bench;
using EdgePose.Host.Tests.Support;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Bench;

[Collection(Run.RunCommandTests.InProcessRuns)]
public sealed class BenchE2eCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgepose-benche2e-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out(string name) => Path.Combine(_dir, name);

    [RequiresRtspServerAndSharedFact]
    public async Task A_pixel_clock_stream_through_mosquitto_gives_glass_to_event_latencies()
    {
        using var server = RtspTestServer.Start();
        using var broker = MosquittoBroker.Start();
        var run = await CliRun.InProcess("bench", "e2e", "-s", server.Url("clock"), "--broker", broker.Uri, "-m", TestPaths.FloatHeadModel, "--threads", "2", "--duration", "8", "-o", Out("e"));

        Assert.True(run.ExitCode == 0, run.Stderr);
        var report = BenchReportJson.Read(Path.Combine(Out("e"), "bench.json"));
        var e = report.E2e!;
        Assert.True(e.Events >= 3, $"{e.Events} events");
        Assert.Equal(e.Events, e.Samples.Count);
        // Glass to event includes at least one inference and at most the whole run.
        Assert.InRange(e.Latency.P50, 1, 8000);
        Assert.NotNull(report.Pipeline);
        Assert.True(File.Exists(Path.Combine(Out("e"), "e2e-over-time.png")));
    }

    [RequiresRtspServerAndSharedFact]
    public async Task An_unreachable_broker_is_named_before_measuring()
    {
        using var server = RtspTestServer.Start();
        int closed = MosquittoBroker.FreePort();
        var run = await CliRun.InProcess("bench", "e2e", "-s", server.Url("clock"), "--broker", $"mqtt://127.0.0.1:{closed}", "-m", TestPaths.FloatHeadModel, "-o", Out("e"));

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"error: broker mqtt://127.0.0.1:{closed} is unreachable", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out("e")));
    }

    [Fact]
    public async Task A_missing_source_is_named_before_measuring()
    {
        int closed = MosquittoBroker.FreePort();
        var run = await CliRun.InProcess("bench", "e2e", "-s", $"rtsp://127.0.0.1:{closed}/clock", "--broker", "mqtt://127.0.0.1:1883", "-o", Out("e"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal([$"error: --source rtsp://127.0.0.1:{closed}: no RTSP server answers (ConnectionRefused)"], run.ErrorLines);
    }

    [Fact]
    public async Task A_source_that_is_not_rtsp_is_refused()
    {
        var run = await CliRun.InProcess("bench", "e2e", "-s", "/tmp/video.mp4", "--broker", "mqtt://127.0.0.1:1883", "-o", Out("e"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bench e2e needs an RTSP pixel-clock stream", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
