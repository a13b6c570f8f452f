using System.Diagnostics;
using EdgePose.Core.Sources;
using EdgePose.Native.GStreamer;
using EdgePose.Tests;
using Xunit.Abstractions;

namespace EdgePose.Native.Tests.GStreamer;

/// <summary>An RTSP server that dies under a reading source, and comes back: each test crashes a server of its own.</summary>
[Collection(nameof(RtspServerCollection))]
public sealed class RtspServerCrashTests(ITestOutputHelper output)
{
    private static readonly GstFrameSourceOptions s_options = new()
    {
        OpenTimeout = TimeSpan.FromSeconds(5),
        ReadTimeout = TimeSpan.FromSeconds(2),
    };

    [RequiresRtspServerFact]
    public void Server_killed_mid_read_gives_an_error_or_a_timeout_within_the_read_timeout() => KilledMidRead(RtspTransport.Tcp);

    [RequiresRtspServerFact]
    public void Server_killed_mid_read_over_udp_gives_an_error_or_a_timeout_within_the_read_timeout() => KilledMidRead(RtspTransport.Udp);

    [RequiresRtspServerFact]
    public void Server_frozen_mid_read_is_reported_stalled_within_the_read_timeout_and_the_source_closes_at_once()
    {
        using var server = RtspTestServer.Start();
        var source = TestSources.Open(server.Url("clock"), options: s_options);
        try
        {
            var frame = new byte[source.Format.TightBytes];
            Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));

            server.Freeze();
            var clock = Stopwatch.StartNew();
            var (outcome, frames) = ReadUntilFailure(source, frame);
            var noticed = clock.Elapsed;
            clock.Restart();
            source.Dispose();
            var closed = clock.Elapsed;

            output.WriteLine($"stall noticed {noticed.TotalMilliseconds:0} ms after the freeze ({frames} frames still came): {outcome}; closing took {closed.TotalMilliseconds:0} ms");
            Assert.Equal(nameof(FrameReadStatus.TimedOut), outcome);
            Assert.InRange(noticed, s_options.ReadTimeout - TimeSpan.FromMilliseconds(300), s_options.ReadTimeout + TimeSpan.FromSeconds(1));
            Assert.True(closed < TimeSpan.FromSeconds(1), $"closing the stalled source took {closed.TotalSeconds:0.0} s");
        }
        finally
        {
            source.Dispose();
        }
    }

    [RequiresRtspServerFact]
    public void Source_opened_after_each_of_five_restarts_reads_within_two_seconds_without_leaking()
    {
        using var server = RtspTestServer.Start();
        Cycle(server, 0);
        var before = Resources.Measure();

        for (var i = 1; i <= 5; i++)
        {
            var reopened = Cycle(server, i);
            Assert.True(reopened < TimeSpan.FromSeconds(2), $"restart {i}: the first frame came {reopened.TotalSeconds:0.00} s after the server was back");
        }

        var after = Resources.Measure();
        output.WriteLine($"before: {before}; after 5 restarts: {after}");
        Assert.InRange(after.Threads - before.Threads, int.MinValue, 3);
        Assert.InRange(after.OpenFiles - before.OpenFiles, int.MinValue, 3);
        Assert.InRange(after.ManagedBytes - before.ManagedBytes, long.MinValue, 1L << 20);
    }

    private void KilledMidRead(RtspTransport transport)
    {
        using var server = RtspTestServer.Start();
        var uri = SourceUri.Parse(server.Url("clock"), new NoPaths());
        using var source = GstSourceOpener.Open(uri, s_options, new SourcePipelineOptions { RtspTransport = transport });
        var frame = new byte[source.Format.TightBytes];
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));
        }

        server.Kill();
        var clock = Stopwatch.StartNew();
        var (outcome, frames) = ReadUntilFailure(source, frame);

        output.WriteLine($"{transport}: {clock.ElapsedMilliseconds} ms after the kill ({frames} frames still came): {outcome}");
        Assert.True(clock.Elapsed <= s_options.ReadTimeout + TimeSpan.FromSeconds(1), $"the dead server was noticed only after {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(outcome == nameof(FrameReadStatus.TimedOut) || outcome.StartsWith($"source '{server.Url("clock")}' failed: ", StringComparison.Ordinal), outcome);
    }

    /// <summary>Reads from a live source on the server, crashes it, notices, restarts it; the time from the server's return to the first frame.</summary>
    private TimeSpan Cycle(RtspTestServer server, int round)
    {
        using (var source = TestSources.Open(server.Url("clock"), options: s_options))
        {
            var frame = new byte[source.Format.TightBytes];
            Assert.Equal(FrameReadStatus.Frame, source.Read(frame, out _));
            server.Kill();
            var noticed = Stopwatch.StartNew();
            var (outcome, _) = ReadUntilFailure(source, frame);
            output.WriteLine($"round {round}: crash noticed in {noticed.ElapsedMilliseconds} ms ({outcome})");
        }

        var restart = Stopwatch.StartNew();
        server.Restart();
        var back = restart.Elapsed;
        var clock = Stopwatch.StartNew();
        using var again = TestSources.Open(server.Url("clock"), options: s_options);
        var next = new byte[again.Format.TightBytes];
        Assert.Equal(FrameReadStatus.Frame, again.Read(next, out _));
        Assert.True(PixelClock.TryReadBgr(next, again.Format.Width, again.Format.Height, again.Format.MinStride, out _), "the frame after the restart is the clock stream's");
        output.WriteLine($"round {round}: server back after {back.TotalMilliseconds:0} ms, first frame {clock.ElapsedMilliseconds} ms later");
        return clock.Elapsed;
    }

    /// <summary>Reads until a read gives something other than a frame or throws: what it gave, and the frames before.</summary>
    private static (string Outcome, int Frames) ReadUntilFailure(GstFrameSource source, byte[] frame)
    {
        var frames = 0;
        var limit = Stopwatch.StartNew();
        while (limit.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                var status = source.Read(frame, out _);
                if (status != FrameReadStatus.Frame)
                {
                    return (status.ToString(), frames);
                }

                frames++;
            }
            catch (GStreamerException e)
            {
                return (e.Message, frames);
            }
        }

        return ("still reading frames 10 s after the server died", frames);
    }

    private sealed class NoPaths : IPathProbe
    {
        public PathKind Probe(string path) => PathKind.Missing;
    }

    /// <summary>What the process holds; the resident set size is printed only (GLib's and the allocator's caches make it noisy).</summary>
    private readonly record struct Resources(int Threads, int OpenFiles, long ManagedBytes, long ResidentBytes)
    {
        public static Resources Measure()
        {
            var managed = GC.GetTotalMemory(forceFullCollection: true);
            using var self = Process.GetCurrentProcess();
            return new Resources(self.Threads.Count, Directory.GetFileSystemEntries("/proc/self/fd").Length, managed, self.WorkingSet64);
        }

        public override string ToString() => $"{Threads} threads, {OpenFiles} open files, {ManagedBytes / 1024} KiB managed, {ResidentBytes / (1024 * 1024)} MiB resident";
    }
}
