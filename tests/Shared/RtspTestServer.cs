using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace EdgePose.Tests;

/// <summary>
/// A real RTSP server on 127.0.0.1 for live-source tests: runs scripts/rtsp-test-server.py (gst-rtsp-server through
/// Debian's python3-gi) on a free port and waits for its ready line. Mounts: /vtest (vtest.avi looped, 768x576 at
/// 10 fps), /clock (640x480 at 30 fps with the pixel clock, see EdgePose.Core.Sources.PixelClock), /resize
/// (640x480 then 320x240, changing every 2 s). <see cref="Kill"/> crashes it (SIGKILL), <see cref="Restart"/> brings
/// it back on the same port, <see cref="Freeze"/> stalls it with its connections open (SIGSTOP, until
/// <see cref="Thaw"/>), <see cref="Dispose"/> stops it. Usable as an xunit class fixture: the parameterless
/// constructor starts it when <see cref="MissingReason"/> is null and does nothing otherwise (tests skip through
/// <see cref="RequiresRtspServerFactAttribute"/>). Not thread-safe: one test drives it at a time.
/// </summary>
public sealed class RtspTestServer : IDisposable
{
    /// <summary>How long start and restart wait for the ready line.</summary>
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);

    private static readonly Lazy<string?> s_missing = new(FindMissing);
    private readonly string[] _arguments;
    private readonly StringBuilder _log = new();
    private Process? _process;

    /// <summary>Starts the server when it can run here; otherwise an inert fixture (see <see cref="MissingReason"/>).</summary>
    public RtspTestServer()
        : this([], startIfAvailable: true)
    {
    }

    private RtspTestServer(string[] arguments, bool startIfAvailable)
    {
        _arguments = arguments;
        if (startIfAvailable && MissingReason is null)
        {
            Launch(0);
        }
    }

    /// <summary>The script, in the repository's scripts folder.</summary>
    public static string ScriptPath => Path.Combine(TestPaths.RepoRoot, "scripts", "rtsp-test-server.py");

    /// <summary>Why the server cannot run here (python3-gi, gst-rtsp-server or x264enc missing), or null when it can.</summary>
    public static string? MissingReason => s_missing.Value;

    /// <summary>The port it listens on (kept across <see cref="Restart"/>); 0 before it first started.</summary>
    public int Port { get; private set; }

    /// <summary>Whether the server process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the server wrote on stderr so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts a server of its own (extra script options such as "--resize-period", "5"); throws when it cannot run here.</summary>
    public static RtspTestServer Start(params string[] arguments)
    {
        if (MissingReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var server = new RtspTestServer(arguments, startIfAvailable: false);
        server.Launch(0);
        return server;
    }

    /// <summary>rtsp://127.0.0.1:PORT/MOUNT, e.g. Url("clock").</summary>
    public string Url(string mount) => $"rtsp://127.0.0.1:{Port}/{mount.TrimStart('/')}";

    /// <summary>Crashes the server: SIGKILL, no goodbye to its clients; returns once it is gone.</summary>
    public void Kill()
    {
        if (_process is not { } p)
        {
            return;
        }

        if (!p.HasExited)
        {
            p.Kill(entireProcessTree: false);
        }

        p.WaitForExit();
        p.Dispose();
        _process = null;
    }

    /// <summary>Stalls the server (SIGSTOP): its connections stay open and silent, like a hung camera.</summary>
    public void Freeze() => Signal(19);

    /// <summary>Lets a frozen server go on (SIGCONT).</summary>
    public void Thaw() => Signal(18);

    /// <summary>Starts the server again on the same port (killing it first if it runs) and waits until it listens.</summary>
    public void Restart()
    {
        if (Port == 0)
        {
            throw new InvalidOperationException("the RTSP test server never started, so it has no port to restart on");
        }

        Kill();
        Launch(Port);
    }

    /// <summary>Stops the server cleanly (closing its stdin ends it), killing it after 5 s if it lingers.</summary>
    public void Dispose()
    {
        if (_process is not { } p)
        {
            return;
        }

        // A frozen server cannot read its stdin: let it go on first (it may have just exited: nothing to check).
        _ = p.HasExited || SendSignal(p.Id, 18) == 0;

        try
        {
            p.StandardInput.Close();
        }
        catch (IOException)
        {
            // Already gone.
        }

        if (!p.WaitForExit(5000))
        {
            p.Kill(entireProcessTree: false);
            p.WaitForExit();
        }

        p.Dispose();
        _process = null;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private void Signal(int signal)
    {
        if (_process is not { HasExited: false } p || SendSignal(p.Id, signal) != 0)
        {
            throw new InvalidOperationException($"cannot signal the RTSP test server (signal {signal}): it is not running");
        }
    }

    private void Launch(int port)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])[ScriptPath, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--exit-with-stdin", .. _arguments])
        {
            info.ArgumentList.Add(a);
        }

        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("ready ", StringComparison.Ordinal))
            {
                ready.TrySetResult(line["ready ".Length..].Trim());
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (_log)
                {
                    _log.AppendLine(line);
                }
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("the RTSP test server exited before it was ready"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        string url;
        try
        {
            if (!ready.Task.Wait(ReadyTimeout))
            {
                throw new TimeoutException($"the RTSP test server was not ready within {ReadyTimeout.TotalSeconds} s");
            }

            url = ready.Task.Result;
        }
        catch (Exception e)
        {
            Kill();
            var inner = e is AggregateException { InnerException: { } i } ? i : e;
            throw new InvalidOperationException($"{inner.Message}; its stderr: {Log.Trim()}", inner);
        }

        Port = new Uri(url).Port;
    }

    private static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private static string? FindMissing()
    {
        if (!File.Exists(ScriptPath))
        {
            return $"RTSP test server script not found: {ScriptPath}";
        }

        try
        {
            var info = new ProcessStartInfo(Python, [ScriptPath, "--check"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var check = Process.Start(info)!;
            var output = check.StandardOutput.ReadToEndAsync();
            if (!check.WaitForExit(30_000))
            {
                check.Kill();
                return "RTSP test server: its --check did not finish within 30 s";
            }

            var text = output.Result.Trim();
            return check.ExitCode == 0 ? null : $"RTSP test server cannot run: {(text.Length > 0 ? text : check.StandardError.ReadToEnd().Trim())}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"RTSP test server needs python3 ({e.Message})";
        }
    }
}
