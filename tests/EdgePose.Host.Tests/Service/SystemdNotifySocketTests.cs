using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Service;

/// <summary>`edgepose run` as systemd starts it: a child process with NOTIFY_SOCKET (a datagram socket this test reads) and WATCHDOG_USEC.</summary>
public sealed class SystemdNotifySocketTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgepose-notify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresSharedFact]
    public async Task Ready_status_watchdog_and_stopping_arrive_and_sigterm_ends_cleanly()
    {
        var path = Path.Combine(_dir, "notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var messages = new List<string>();
        using var reading = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var reader = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            while (!reading.IsCancellationRequested)
            {
                int n = await socket.ReceiveAsync(buffer, SocketFlags.None, reading.Token);
                lock (messages)
                {
                    messages.Add(Encoding.UTF8.GetString(buffer, 0, n));
                }
            }
        });

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "edgepose.dll"), "run", "-m", TestPaths.FloatHeadModel, "-s", "test://ball", "--threads", "2", "--status-interval", "0", "--jsonl", Path.Combine(_dir, "e.jsonl") })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NOTIFY_SOCKET"] = path;
        psi.Environment["WATCHDOG_USEC"] = "2000000";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();

        // Ready, then pings every second (half of the 2 s watchdog) while frames flow.
        await WaitForAsync(messages, m => m.Count(x => x == "WATCHDOG=1") >= 3, TimeSpan.FromSeconds(90));
        Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(30)), "edgepose did not stop within 30 s of SIGTERM");
        await WaitForAsync(messages, m => m.Contains("STOPPING=1"), TimeSpan.FromSeconds(5));
        await reading.CancelAsync();

        string[] got;
        lock (messages)
        {
            got = [.. messages];
        }

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
        var path = Path.Combine(_dir, "notify.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var messages = new List<(DateTime At, string Text)>();
        using var reading = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        _ = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            while (!reading.IsCancellationRequested)
            {
                int n = await socket.ReceiveAsync(buffer, SocketFlags.None, reading.Token);
                lock (messages)
                {
                    messages.Add((DateTime.UtcNow, Encoding.UTF8.GetString(buffer, 0, n)));
                }
            }
        });

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "edgepose.dll"), "run", "-m", TestPaths.FloatHeadModel, "-s", "vtest=" + TestPaths.SampleVideo, "--threads", "2", "--status-interval", "0", "--jsonl", "-" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NOTIFY_SOCKET"] = path;
        psi.Environment["WATCHDOG_USEC"] = "4000000";
        using var p = Process.Start(psi)!;
        _ = p.StandardError.ReadToEndAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            DateTime? stuckAt = null;
            while (DateTime.UtcNow < deadline && stuckAt is null)
            {
                await Task.Delay(200);
                lock (messages)
                {
                    stuckAt = messages.FirstOrDefault(m => m.Text.StartsWith("STATUS=stuck: output jsonl", StringComparison.Ordinal)).At is var t && t != default ? t : null;
                }
            }

            Assert.True(stuckAt is not null, "no 'stuck: output jsonl' status within 2 minutes: " + string.Join(" | ", messages.Select(m => m.Text)));
            await Task.Delay(TimeSpan.FromSeconds(5)); // more than a watchdog timeout
            lock (messages)
            {
                Assert.Contains(messages, m => m.Text == "WATCHDOG=1" && m.At < stuckAt); // pinged while the output moved
                Assert.DoesNotContain(messages, m => m.Text == "WATCHDOG=1" && m.At > stuckAt); // and never once it was stuck
            }
        }
        finally
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(TimeSpan.FromSeconds(10));
            await reading.CancelAsync();
        }
    }

    private static async Task WaitForAsync(List<string> messages, Func<List<string>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (messages)
            {
                if (done(messages))
                {
                    return;
                }
            }

            await Task.Delay(50);
        }

        lock (messages)
        {
            Assert.Fail("timed out; received: " + string.Join(" | ", messages));
        }
    }
}
