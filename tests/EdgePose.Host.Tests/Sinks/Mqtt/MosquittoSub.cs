using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace EdgePose.Host.Tests.Sinks.Mqtt;

/// <summary>
/// A plain `mosquitto_sub` (Debian mosquitto-clients) subscribed at QoS 1 to a topic filter, printing "topic payload"
/// per message; <see cref="StartAsync"/> returns once the broker acknowledged the subscription. Killed on dispose.
/// </summary>
internal sealed class MosquittoSub : IDisposable
{
    public const string Executable = "/usr/bin/mosquitto_sub";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private volatile bool _subscribed;

    private MosquittoSub(Process process) => _process = process;

    /// <summary>(topic, payload) of every message so far, in arrival order.</summary>
    public IReadOnlyList<(string Topic, string Payload)> Messages =>
        [.. _lines.Where(l => !l.StartsWith("Client ", StringComparison.Ordinal) && !l.StartsWith("Subscribed ", StringComparison.Ordinal) && l.Contains(' ', StringComparison.Ordinal))
            .Select(l => (l[..l.IndexOf(' ', StringComparison.Ordinal)], l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..]))];

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> with <paramref name="extraArgs"/> (TLS files, -u/-P) and subscribes.</summary>
    public static async Task<MosquittoSub> StartAsync(int port, string filter, params string[] extraArgs)
    {
        // stdbuf: line-buffered stdout, so the "Subscribed" debug line shows at once (messages are flushed anyway).
        var info = new ProcessStartInfo("/usr/bin/stdbuf")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["-oL", Executable, "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-t", filter, "-q", "1", "-v", "-d", .. extraArgs])
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto_sub did not start");
        var sub = new MosquittoSub(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                sub._subscribed |= line.StartsWith("Subscribed ", StringComparison.Ordinal);
                sub._lines.Enqueue(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                sub._errors.Enqueue(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!sub._subscribed)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var said = string.Join(" | ", sub._errors.Concat(sub._lines));
                sub.Dispose();
                throw new InvalidOperationException("mosquitto_sub did not subscribe: " + said);
            }

            await Task.Delay(20);
        }

        return sub;
    }

    /// <summary>The messages on topics ending in <paramref name="suffix"/>, waiting up to <paramref name="seconds"/> until there are <paramref name="count"/>.</summary>
    public Task<IReadOnlyList<(string Topic, string Payload)>> WaitForAsync(string suffix, int count, double seconds = 20) =>
        TopicWait.ForAsync(() => Messages, m => m.Topic, suffix, count, seconds);

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
