using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EdgePose.Tests;

/// <summary>
/// A real mosquitto broker for tests, on a free loopback port, with its own config and persistence folder (so
/// persistent sessions survive <see cref="Restart"/>). Anonymous access. Stopped (SIGTERM, then killed) and its
/// folder removed on dispose. <see cref="IsInstalled"/> says whether Debian's mosquitto is there.
/// </summary>
internal sealed class MosquittoBroker : IDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";

    private readonly string _dir;
    private Process? _process;

    private MosquittoBroker(string dir, int port)
    {
        _dir = dir;
        Port = port;
    }

    public static bool IsInstalled => File.Exists(Executable);

    public int Port { get; }

    public string Uri => $"mqtt://127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a broker on <paramref name="port"/> (default: a free one) and waits until it accepts connections.</summary>
    public static MosquittoBroker Start(string? extraConfig = null, int? port = null)
    {
        var dir = TestPaths.NewTempDir("edgepose-mosquitto");
        var broker = new MosquittoBroker(dir, port ?? FreePort());
        File.WriteAllText(Path.Combine(dir, "mosquitto.conf"), $"""
            listener {broker.Port} 127.0.0.1
            allow_anonymous true
            persistence true
            persistence_location {dir}/
            user root
            log_dest stderr
            {extraConfig}
            """);
        broker.Run();
        return broker;
    }

    /// <summary>Stops the broker (SIGTERM: it saves its persistent sessions) and waits for it to exit.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _ = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit(5000);
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the stopped broker again on the same port.</summary>
    public void Restart()
    {
        Stop();
        Run();
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Run()
    {
        var info = new ProcessStartInfo(Executable, ["-c", Path.Combine(_dir, "mosquitto.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode} (port {Port})");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"mosquitto did not listen on port {Port} within 10 s");
    }

    /// <summary>A loopback port nothing listens on (now).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
