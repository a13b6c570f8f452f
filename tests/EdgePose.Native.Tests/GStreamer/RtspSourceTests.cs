using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using EdgePose.Core.Sources;
using EdgePose.Native.GStreamer;
using EdgePose.Tests;
using Xunit.Abstractions;

namespace EdgePose.Native.Tests.GStreamer;

/// <summary>Live RTSP sources read through <see cref="GstSourceOpener"/> from the real test server on 127.0.0.1.</summary>
[Collection(nameof(RtspServerCollection))]
public sealed class RtspSourceTests(RtspTestServer server, ITestOutputHelper output)
{
    private const string Vtest = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

    [RequiresRtspServerFact(Vtest)]
    public void Looped_sample_video_arrives_as_moving_768x576_frames()
    {
        using var source = TestSources.Open(server.Url("vtest"));
        var first = new byte[source.Format.TightBytes];
        var later = new byte[source.Format.TightBytes];

        Assert.Equal(FrameReadStatus.Frame, source.Read(first, out _));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(FrameReadStatus.Frame, source.Read(later, out _));
        }

        Assert.Equal(new VideoFrameFormat(768, 576, FramePixelFormat.Bgr), source.Format);
        Assert.InRange(later.Average(b => (double)b), 40, 220);
        Assert.NotEqual(first, later);
    }

    [RequiresRtspServerFact]
    public void Clock_stream_frames_carry_a_time_less_than_two_seconds_old_in_bgr()
    {
        var (all, steady) = ReadClock(FramePixelFormat.Bgr);

        Assert.InRange(all[all.Length / 2], -20, 2000);
        Assert.All(steady, ms => Assert.InRange(ms, -20, 2000));
    }

    [RequiresRtspServerFact]
    public void Clock_stream_frames_carry_a_time_less_than_two_seconds_old_in_nv12()
    {
        var (all, steady) = ReadClock(FramePixelFormat.Nv12);

        Assert.InRange(all[all.Length / 2], -20, 2000);
        Assert.All(steady, ms => Assert.InRange(ms, -20, 2000));
    }

    [RequiresRtspServerFact]
    public void Clock_stream_arrives_over_udp_too()
    {
        var uri = SourceUri.Parse(server.Url("clock"), new NoPaths());
        using var source = GstSourceOpener.Open(uri, TestSources.Quick, new SourcePipelineOptions { RtspTransport = RtspTransport.Udp });
        var f = source.Format;
        var frame = new byte[f.TightBytes];
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));
        }

        Assert.True(PixelClock.TryReadBgr(frame, f.Width, f.Height, f.MinStride, out var painted), "the frame carries the pixel clock");
        output.WriteLine($"udp: capture latency of the 10th frame {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - painted} ms");
    }

    [RequiresRtspServerFact]
    public void Frame_size_change_mid_stream_is_reported_with_the_new_size()
    {
        using var source = TestSources.Open(server.Url("resize"));
        Assert.Equal(new VideoFrameFormat(640, 480, FramePixelFormat.Bgr), source.Format);
        var frame = new byte[source.Format.TightBytes];
        var clock = Stopwatch.StartNew();

        var status = FrameReadStatus.Frame;
        while (status == FrameReadStatus.Frame && clock.Elapsed < TimeSpan.FromSeconds(8))
        {
            status = source.Read(frame, out _);
        }

        Assert.Equal(FrameReadStatus.FormatChanged, status);
        Assert.Equal(new VideoFrameFormat(320, 240, FramePixelFormat.Bgr), source.Format);
        var small = new byte[source.Format.TightBytes];
        Assert.Equal(FrameReadStatus.Frame, source.Read(small, out _));
        Assert.True(PixelClock.TryReadBgr(small, 320, 240, 320 * 3, out _), "the 320x240 frame carries the pixel clock");
        output.WriteLine($"size changed after {clock.ElapsedMilliseconds} ms");
    }

    [RequiresRtspServerFact]
    public void Server_that_accepts_and_never_answers_fails_the_open_within_its_timeout_without_credentials()
    {
        using var silent = new SilentTcpServer();
        var url = silent.Url("x", "user:secret");
        var warnings = new List<string>();
        var options = TestSources.Quick with { OpenTimeout = TimeSpan.FromSeconds(2), Warn = warnings.Add };
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<GStreamerException>(() => TestSources.Open(url, options: options));

        output.WriteLine($"{clock.ElapsedMilliseconds} ms: {e.Message}");
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.9, 3.0);
        Assert.True(silent.Accepted >= 1, "the client connected");
        Assert.StartsWith($"source 'rtsp://***@127.0.0.1:{silent.Port}/x'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
        Assert.All(warnings, w => Assert.DoesNotContain("secret", w, StringComparison.Ordinal));
    }

    [RequiresRtspServerFact]
    public void Closed_port_fails_fast_naming_the_source()
    {
        // rtspsrc opens asynchronously: a refused connection fails the state change, or leaves it unfinished, before
        // or after its error reaches the bus. Ten tries, as each way happens some of the time.
        for (var i = 0; i < 10; i++)
        {
            var url = string.Create(CultureInfo.InvariantCulture, $"rtsp://127.0.0.1:{ClosedPort()}/x");
            var clock = Stopwatch.StartNew();

            var e = Assert.Throws<GStreamerException>(() => TestSources.Open(url));

            output.WriteLine($"{clock.ElapsedMilliseconds} ms: {e.Message}");
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"failed after {clock.Elapsed.TotalSeconds:0.0} s, not at once");
            Assert.StartsWith($"source '{url}' failed: ", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e.Message);
        }
    }

    /// <summary>
    /// Reads 2 s of /clock; the capture latencies (ms: read time minus painted time) of all frames and of those read
    /// after the first second, each sorted. The first frames after connecting are older: the server painted them
    /// while the client was still starting (plugging its decoder), and they come in a burst.
    /// </summary>
    private (long[] All, long[] Steady) ReadClock(FramePixelFormat format)
    {
        using var source = TestSources.Open(server.Url("clock"), format);
        var f = source.Format;
        Assert.Equal(new VideoFrameFormat(640, 480, format), f);
        var frame = new byte[f.TightBytes];
        var all = new List<long>();
        var steady = new List<long>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var read = format == FramePixelFormat.Bgr
                ? PixelClock.TryReadBgr(frame, f.Width, f.Height, f.MinStride, out var painted)
                : PixelClock.TryReadLuma(frame, f.Width, f.Height, f.MinStride, out painted);
            Assert.True(read, $"frame {source.FramesRead} carries the pixel clock");
            all.Add(now - painted);
            if (clock.Elapsed > TimeSpan.FromSeconds(1))
            {
                steady.Add(now - painted);
            }
        }

        var first = all[0];
        all.Sort();
        steady.Sort();
        output.WriteLine($"{format}: {all.Count} frames in 2 s; capture latency: first frame {first} ms, all p50 {all[all.Count / 2]} ms max {all[^1]} ms; after 1 s p50 {steady[steady.Count / 2]} ms max {steady[^1]} ms");
        Assert.True(all.Count >= 30, $"only {all.Count} frames in 2 s of a 30 fps stream");
        return ([.. all], [.. steady]);
    }

    private sealed class NoPaths : IPathProbe
    {
        public PathKind Probe(string path) => PathKind.Missing;
    }

    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
