using System.Net;
using System.Net.Sockets;

namespace EdgePose.Tests;

/// <summary>
/// A TCP server on 127.0.0.1 that accepts every connection and then never sends a byte (nor closes it until
/// disposed): a camera that hangs after the handshake, for stall detection. Reads nothing either, so a client's
/// request just sits there.
/// </summary>
public sealed class SilentTcpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Task _accepting;

    public SilentTcpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Accepted
    {
        get
        {
            lock (_clients)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>An RTSP URL on this server, e.g. Url("x", "user:secret") is rtsp://user:secret@127.0.0.1:PORT/x.</summary>
    public string Url(string path, string? userInfo = null) =>
        $"rtsp://{(userInfo is null ? string.Empty : userInfo + "@")}127.0.0.1:{Port}/{path.TrimStart('/')}";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _accepting.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the cancellation.
        }

        lock (_clients)
        {
            foreach (var c in _clients)
            {
                c.Dispose();
            }

            _clients.Clear();
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_clients)
            {
                _clients.Add(client);
            }
        }
    }
}
