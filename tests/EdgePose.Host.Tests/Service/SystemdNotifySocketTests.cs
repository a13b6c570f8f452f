using System.Diagnostics;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Service;

/// <summary>`edgepose run` as systemd starts it: a child process with NOTIFY_SOCKET (a datagram socket this test reads) and WATCHDOG_USEC.</summary>
public sealed class SystemdNotifySocketTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgepose-notify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Starts `edgepose run ARGS` as systemd would: NOTIFY_SOCKET at <paramref name="socket"/>, WATCHDOG_USEC set.</summary>
    private static Process StartRun(NotifySocketListener socket, long watchdogUsec, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "edgepose.dll"));
        psi.ArgumentList.Add("run");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NOTIFY_SOCKET"] = socket.Path;
        psi.Environment["WATCHDOG_USEC"] = watchdogUsec.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Process.Start(psi)!;
    }

    [RequiresSharedFact]
    public async Task Ready_status_watchdog_and_stopping_arrive_and_sigterm_ends_cleanly()
    {
        await using var socket = new NotifySocketListener(Path.Combine(_dir, "notify.sock"));
        using var p = StartRun(socket, 2_000_000, "-m", TestPaths.FloatHeadModel, "-s", "test://ball", "--threads", "2", "--status-interval", "0", "--jsonl", Path.Combine(_dir, "e.jsonl"));
        var stderr = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();

        // Ready, then pings every second (half of the 2 s watchdog) while frames flow.
        await socket.WaitForAsync(m => m.Count(x => x == "WATCHDOG=1") >= 3, TimeSpan.FromSeconds(90));
        Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), "edgepose did not stop within 30 s of SIGTERM");
        await socket.WaitForAsync(m => m.Contains("STOPPING=1"), TimeSpan.FromSeconds(5));

        string[] got = [.. socket.Messages.Select(m => m.Text)];
        Assert.StartsWith("EXTEND_TIMEOUT_USEC=1800000000\nSTATUS=loading yolo11n-pose_int8_floathead.onnx", got[0], StringComparison.Ordinal);
        Assert.StartsWith("READY=1", got[1], StringComparison.Ordinal);
        Assert.Contains(got, m => m.StartsWith("STATUS=", StringComparison.Ordinal) && m.Contains("fps", StringComparison.Ordinal));
        Assert.Equal("STOPPING=1", got.Skip(2).First(m => !m.StartsWith("STATUS", StringComparison.Ordinal) && m != "WATCHDOG=1"));
        Assert.True(p.ExitCode == 143, $"exit {p.ExitCode}: {await stderr}");
        Assert.True(new FileInfo(Path.Combine(_dir, "e.jsonl")).Length > 0, "the JSON Lines were not kept");
    }

    [RequiresSharedFact]
    public async Task A_stuck_output_stops_the_watchdog_pings_and_says_why()
    {
        // JSON Lines to stdout, which this test never reads: once the pipe's 64 KiB are full, the output blocks for
        // good, the file source waits for the pipeline, and no stage finishes anything more.
        await using var socket = new NotifySocketListener(Path.Combine(_dir, "notify.sock"));
        using var p = StartRun(socket, 4_000_000, "-m", TestPaths.FloatHeadModel, "-s", "vtest=" + TestPaths.SampleVideo, "--threads", "2", "--status-interval", "0", "--jsonl", "-");
        _ = p.StandardError.ReadToEndAsync();
        try
        {
            await socket.WaitForAsync(m => m.Any(x => x.StartsWith("STATUS=stuck: output jsonl", StringComparison.Ordinal)), TimeSpan.FromMinutes(2));
            var stuckAt = socket.Messages.First(m => m.Text.StartsWith("STATUS=stuck: output jsonl", StringComparison.Ordinal)).At;
            await Task.Delay(TimeSpan.FromSeconds(5)); // more than a watchdog timeout
            var messages = socket.Messages;
            Assert.Contains(messages, m => m.Text == "WATCHDOG=1" && m.At < stuckAt); // pinged while the output moved
            Assert.DoesNotContain(messages, m => m.Text == "WATCHDOG=1" && m.At > stuckAt); // and never once it was stuck
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }
}
