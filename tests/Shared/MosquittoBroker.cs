using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EdgePose.Tests;

/// <summary>
/// A real mosquitto broker for tests, on a free loopback port, with its own config and persistence folder (so
/// persistent sessions survive <see cref="Restart"/>). Anonymous access, unless the extra configuration says
/// otherwise; <see cref="StartTls"/> makes a TLS listener that requires a client certificate. Stopped (SIGTERM, then killed) and its
/// folder removed on dispose. <see cref="IsInstalled"/> says whether Debian's mosquitto is there.
/// </summary>
internal sealed class MosquittoBroker : IDisposable
{
    public const string Executable = "/usr/sbin/mosquitto";

    private readonly string _dir;
    private Process? _process;

    private MosquittoBroker(string dir, int port, bool tls)
    {
        _dir = dir;
        Port = port;
        UseTls = tls;
    }

    public static bool IsInstalled => File.Exists(Executable);

    public int Port { get; }

    public bool UseTls { get; }

    public string Uri => $"{(UseTls ? "mqtts" : "mqtt")}://127.0.0.1:{Port}";

    /// <summary>The folder of the broker's configuration and persistence (removed on dispose).</summary>
    public string Dir => _dir;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts a broker on <paramref name="port"/> (default: a free one) and waits until it accepts connections.</summary>
    public static MosquittoBroker Start(string? extraConfig = null, int? port = null) => Start(extraConfig, port, tls: false);

    /// <summary>
    /// A broker whose listener speaks only TLS with <paramref name="pki"/>'s server certificate and requires a client
    /// certificate signed by its CA; <paramref name="extraConfig"/> as in <see cref="Start(string?, int?)"/>.
    /// </summary>
    public static MosquittoBroker StartTls(TestCertificates pki, string? extraConfig = null) => Start($"""
        cafile {pki.CaFile}
        certfile {pki.ServerCertFile}
        keyfile {pki.ServerKeyFile}
        require_certificate true
        {extraConfig}
        """, null, tls: true);

    /// <summary>A password file for <paramref name="user"/> made with mosquitto_passwd in <paramref name="dir"/>; its path.</summary>
    public static string PasswordFile(string dir, string user, string password)
    {
        var file = Path.Combine(dir, "passwords");
        using var p = Process.Start(PasswdExecutable, ["-b", "-c", file, user, password]) ?? throw new InvalidOperationException("mosquitto_passwd did not start");
        if (!p.WaitForExit(10_000) || p.ExitCode != 0)
        {
            throw new InvalidOperationException("mosquitto_passwd failed");
        }

        return file;
    }

    public const string PasswdExecutable = "/usr/bin/mosquitto_passwd";

    private static MosquittoBroker Start(string? extraConfig, int? port, bool tls)
    {
        var dir = TestPaths.NewTempDir("edgepose-mosquitto");
        var broker = new MosquittoBroker(dir, port ?? FreePort(), tls);
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
            Resume();
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

    /// <summary>Freezes the broker (SIGSTOP): connections stay open but nothing is answered, e.g. no acknowledgement.</summary>
    public void Pause() => Signal("-STOP");

    /// <summary>Lets a paused broker go on (SIGCONT).</summary>
    public void Resume() => Signal("-CONT");

    private void Signal(string signal)
    {
        if (_process is { HasExited: false } p)
        {
            _ = Process.Start("kill", [signal, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit(5000);
        }
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
