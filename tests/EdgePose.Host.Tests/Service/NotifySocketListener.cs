using System.Net.Sockets;
using System.Text;

namespace EdgePose.Host.Tests.Service;

/// <summary>A unix datagram socket standing in for systemd's NOTIFY_SOCKET: records every message with its arrival time.</summary>
internal sealed class NotifySocketListener : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _reading = new(TimeSpan.FromMinutes(3));
    private readonly List<(DateTime At, string Text)> _messages = [];
    private readonly Task _reader;

    public NotifySocketListener(string path)
    {
        Path = path;
        _socket.Bind(new UnixDomainSocketEndPoint(path));
        _reader = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            while (!_reading.IsCancellationRequested)
            {
                int n = await _socket.ReceiveAsync(buffer, SocketFlags.None, _reading.Token);
                lock (_messages)
                {
                    _messages.Add((DateTime.UtcNow, Encoding.UTF8.GetString(buffer, 0, n)));
                }
            }
        });
    }

    public string Path { get; }

    /// <summary>The messages so far, in arrival order.</summary>
    public (DateTime At, string Text)[] Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds for the message texts; fails listing them after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<string[], bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (done([.. Messages.Select(m => m.Text)]))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("timed out; received: " + string.Join(" | ", Messages.Select(m => m.Text)));
    }

    public async ValueTask DisposeAsync()
    {
        await _reading.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Dispose();
        _reading.Dispose();
    }
}
