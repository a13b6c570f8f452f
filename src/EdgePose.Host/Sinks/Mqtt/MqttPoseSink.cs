using System.Diagnostics;
using System.Threading.Channels;
using EdgePose.Core.Events;
using EdgePose.Core.Pipeline;
using EdgePose.Host.Sinks.Spool;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace EdgePose.Host.Sinks.Mqtt;

/// <summary>
/// Publishes each result as a v1 pose event (docs/events.md) on {prefix}/{device}/{source}/poses through MQTTnet.
/// Writing only queues the event in a bounded <see cref="EventOutbox"/> (count and bytes, oldest dropped and
/// counted): a task of the sink's own connects, publishes in order and removes an event only once the broker took
/// it (QoS 1/2: acknowledged), so a broker outage loses nothing that fits in the queue and never blocks the
/// pipeline. A lost connection is retried with capped exponential backoff and jitter. On connecting the sink
/// publishes a retained "online" status (<see cref="MqttStatus"/>) and leaves "offline" as its last will; a clean
/// end drains the queue (at most the drain timeout), publishes "offline" and disconnects.
/// </summary>
public sealed partial class MqttPoseSink : IPoseSink
{
    /// <summary>Tries of one event that each end in a lost connection before it is given up as refused (e.g. too large for the broker).</summary>
    private const int MaxTriesPerEvent = 3;

    /// <summary>Publishes awaiting the broker's acknowledgement at once (mosquitto_pub's default is 20).</summary>
    private const int MaxInFlight = 16;

    private static readonly ReadOnlyMemory<byte> s_schemaVersion = System.Text.Encoding.UTF8.GetBytes(PoseEventSchema.Version);

    private readonly MqttSinkOptions _options;
    private readonly string _broker;
    private readonly ILogger _log;
    private readonly PoseEventWriter _events;
    private readonly EventOutbox _outbox;
    private readonly MqttTopics _topics;
    private readonly byte[] _online;
    private readonly byte[] _offline;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly MqttTls? _tls;
    private readonly EventSpool? _spool;
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sender;
    private string?[] _poseTopics = [];
    private volatile bool _completing;
    private volatile bool _announced;
    private long _published;
    private long _refused;
    private long _reconnects;
    private long _lastDropLog;
    private int _disposed;

    /// <summary>
    /// Validates <paramref name="options"/> (an <see cref="Core.Errors.InputException"/> naming a bad one) and starts
    /// connecting in the background; events written before the connection is up wait in the queue.
    /// </summary>
    /// <param name="options">Broker, topics, QoS, session, credentials, queue bounds, backoff.</param>
    /// <param name="status">What the retained "online" status says (version, keypoint names, sources).</param>
    /// <param name="log">Connection state, drops and refusals (never credentials).</param>
    public MqttPoseSink(MqttSinkOptions options, MqttStatus status, ILogger log)
    {
        _options = options.Validated();
        _tls = options.Broker.UseTls ? MqttTls.Load(options.Tls ?? new MqttTlsFiles()) : null;
        _broker = options.Broker.ToString();
        _log = log;
        _spool = options.SpoolDirectory is { } spoolDir ? EventSpool.Open(spoolDir, options.SpoolMaxBytes, log) : null;
        _events = new PoseEventWriter(options.Events);
        _outbox = new EventOutbox(options.QueueMaxCount, options.QueueMaxBytes);
        _topics = new MqttTopics(options.TopicPrefix, options.Events.DeviceId);
        _online = status.Online(options.Events);
        _offline = MqttStatus.Offline(options.Events);
        _client = new MqttClientFactory().CreateMqttClient();
        _clientOptions = BuildClientOptions();
        _sender = Task.Run(SendAsync);
    }

    public string Name => "mqtt";

    public bool NeedsPixels => false;

    public MqttTopics Topics => _topics;

    /// <summary>True while connected to the broker, once the "online" status is out.</summary>
    public bool IsConnected => _announced && _client.IsConnected;

    /// <summary>Events the broker took.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Events dropped from a full queue or spool (the oldest first).</summary>
    public long Dropped => _outbox.Dropped + (_spool?.Dropped ?? 0);

    /// <summary>Events the broker refused (or that lost the connection <see cref="MaxTriesPerEvent"/> times in a row), given up.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Events waiting for the broker, in memory and in the spool.</summary>
    public int Queued => _outbox.Count + (_spool?.Count ?? 0);

    /// <summary>Connections made after the first.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Frames with no person left out by the empty-frame policy.</summary>
    public long Skipped => _events.Skipped;

    public ValueTask WriteAsync(FrameResult result, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_completing, this);
        var payload = _events.Write(result);
        if (payload.IsEmpty)
        {
            return ValueTask.CompletedTask;
        }

        if (_outbox.Enqueue(PoseTopic(result.Source), payload.ToArray()) > 0)
        {
            long now = Stopwatch.GetTimestamp();
            if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastDropLog), now) > TimeSpan.FromSeconds(5))
            {
                Interlocked.Exchange(ref _lastDropLog, now);
                LogDropped(_log, _options.QueueMaxCount, _options.QueueMaxBytes, _outbox.Dropped);
            }
        }

        _doorbell.Writer.TryWrite(true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Sends what is queued (at most the drain timeout), publishes "offline" and disconnects.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (!_completing)
        {
            _completing = true;
            _stop.CancelAfter(_options.DrainTimeout);
            _doorbell.Writer.TryWrite(true);
        }

        await _sender.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _completing = true;
        await _stop.CancelAsync().ConfigureAwait(false);
        _doorbell.Writer.TryWrite(true);
        try
        {
            await _sender.ConfigureAwait(false);
        }
        finally
        {
            _client.Dispose();
            _tls?.Dispose();
            _stop.Dispose();
            _events.Dispose();
        }
    }

    /// <summary>Drops the connection without a goodbye (the broker then publishes the last will); for tests.</summary>
    internal void AbortConnection() => _client.Dispose();

    private async Task SendAsync()
    {
        var stop = _stop.Token;
        var inFlight = new Queue<InFlight>(MaxInFlight);
        int failedConnects = 0, triesOfHead = 0;
        (long Id, SpoolPosition Spooled) head = default;
        long lastSent = 0;
        bool everConnected = false;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (!_client.IsConnected)
                {
                    _announced = false;

                    // What was in flight is sent again, from the oldest unacknowledged event, once reconnected.
                    await AbandonAsync(inFlight).ConfigureAwait(false);
                    lastSent = 0;
                    _spool?.Rewind();
                    SpillToSpool();
                    if (_completing && (_outbox.Count == 0 || _spool is not null))
                    {
                        break;
                    }

                    if (!await TryConnectAsync(everConnected, failedConnects, stop).ConfigureAwait(false))
                    {
                        failedConnects++;
                        await BackOffAsync(Backoff(failedConnects), stop).ConfigureAwait(false);
                        continue;
                    }

                    if (everConnected)
                    {
                        Interlocked.Increment(ref _reconnects);
                    }

                    everConnected = true;
                    failedConnects = 0;
                }

                // Keep up to MaxInFlight publishes going, started in order (the client sends them in that order). While
                // the spool holds events they go first, and newer ones join them there, so that order is kept.
                if (_spool is { Count: > 0 })
                {
                    SpillToSpool();
                    while (inFlight.Count < MaxInFlight && _spool.TryReadNext(out var spooled))
                    {
                        var message = new OutboxMessage(0, spooled.Topic, spooled.Payload);
                        inFlight.Enqueue(new InFlight(message, spooled.Position, StartPublish(message, stop)));
                    }
                }
                else
                {
                    while (inFlight.Count < MaxInFlight && _outbox.TryPeekAfter(lastSent, out var next))
                    {
                        inFlight.Enqueue(new InFlight(next, default, StartPublish(next, stop)));
                        lastSent = next.Id;
                    }
                }

                if (inFlight.Count == 0)
                {
                    if (_completing)
                    {
                        break;
                    }

                    await WaitForEventsAsync(stop).ConfigureAwait(false);
                    _spool?.Flush();
                    continue;
                }

                var item = inFlight.Dequeue();
                var message0 = item.Message;
                try
                {
                    var result = await item.Publish.ConfigureAwait(false);
                    if (result.IsSuccess)
                    {
                        Interlocked.Increment(ref _published);
                    }
                    else
                    {
                        Interlocked.Increment(ref _refused);
                        LogRefused(_log, message0.Topic, message0.Payload.Length, result.ReasonCode.ToString());
                    }

                    Remove(item);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    // Only a failure that lost the connection counts toward giving the event up (a 3.1.1 broker drops a
                    // client that sends more than its limit); a timeout on a connection still up is retried without end.
                    if (!_client.IsConnected)
                    {
                        (head, triesOfHead) = (message0.Id, item.Spooled) == head ? (head, triesOfHead + 1) : ((message0.Id, item.Spooled), 1);
                    }

                    if (triesOfHead >= MaxTriesPerEvent && (message0.Id, item.Spooled) == head && Remove(item))
                    {
                        Interlocked.Increment(ref _refused);
                        LogGivenUp(_log, message0.Topic, message0.Payload.Length, triesOfHead, e.Message);
                    }
                    else
                    {
                        LogPublishFailed(_log, _broker, e.Message);
                    }

                    await AbandonAsync(inFlight).ConfigureAwait(false);
                    lastSent = 0;
                    _spool?.Rewind();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        await AbandonAsync(inFlight).ConfigureAwait(false);
        if (_spool is not null)
        {
            // The service stops: what the broker has not acknowledged waits in the spool for the next start.
            SpillToSpool();
            if (_spool.Count > 0)
            {
                LogSpooled(_log, _spool.Count, _spool.Directory);
            }

            _spool.Dispose();
        }

        await SayGoodbyeAsync().ConfigureAwait(false);
    }

    /// <summary>Removes a delivered (or given up) event from where it waited: the outbox or the spool. False when it was dropped meanwhile.</summary>
    private bool Remove(InFlight item) =>
        item.Message.Id != 0 ? _outbox.RemoveIfHead(item.Message.Id) : _spool!.Acknowledge(item.Spooled);

    /// <summary>With a spool: moves every event of the outbox to it, oldest first (dropping the spool's oldest when it is full).</summary>
    private void SpillToSpool()
    {
        if (_spool is null)
        {
            return;
        }

        bool moved = false;
        while (_outbox.TryPeek(out var message))
        {
            _spool.Append(message.Topic, message.Payload);
            _outbox.RemoveIfHead(message.Id);
            moved = true;
        }

        if (moved)
        {
            _spool.Flush();
        }
    }

    /// <summary>Waits <paramref name="delay"/> before the next connect; with a spool, moving new events to it meanwhile.</summary>
    private async Task BackOffAsync(TimeSpan delay, CancellationToken stop)
    {
        if (_spool is null)
        {
            await Task.Delay(delay, stop).ConfigureAwait(false);
            return;
        }

        long until = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
        while (!_completing && Stopwatch.GetTimestamp() < until)
        {
            // At least once a second, so that what was spooled reaches the disk within a second (EventSpool.Flush).
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop);
            wait.CancelAfter(TimeSpan.FromSeconds(Math.Clamp((until - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency, 0.001, 1)));
            try
            {
                await _doorbell.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
            }

            SpillToSpool();
            _spool.Flush();
        }
    }

    /// <summary>The publish of <paramref name="message"/> as a task; one the client refuses at once (not connected) is a failed task.</summary>
    private Task<MqttClientPublishResult> StartPublish(OutboxMessage message, CancellationToken stop)
    {
        try
        {
            return _client.PublishAsync(EventMessage(message), stop);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Task.FromException<MqttClientPublishResult>(e);
        }
    }

    /// <summary>Waits for the next event, or a second (to notice a lost connection while idle and reconnect).</summary>
    private async Task WaitForEventsAsync(CancellationToken stop)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
        idle.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await _doorbell.Reader.ReadAsync(idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Lets the publishes still in flight finish or fail (they stay in the outbox and are sent again).</summary>
    private static async Task AbandonAsync(Queue<InFlight> inFlight)
    {
        while (inFlight.TryDequeue(out var item))
        {
            try
            {
                await item.Publish.ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Failed with the connection; sent again after reconnecting.
            }
        }
    }

    private async Task<bool> TryConnectAsync(bool reconnect, int failures, CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        try
        {
            timeout.CancelAfter(_options.Timeout);
            _tls?.Reset();
            var connected = await _client.ConnectAsync(_clientOptions, timeout.Token).ConfigureAwait(false);
            if (connected.ResultCode != MqttClientConnectResultCode.Success)
            {
                // MQTTnet answers a refusal (bad credentials, banned client id, ...) with a result, not an exception.
                throw new IOException(string.IsNullOrEmpty(connected.ReasonString)
                    ? $"the broker refused the connection: {connected.ResultCode}"
                    : $"the broker refused the connection: {connected.ResultCode} ({connected.ReasonString})");
            }

            await _client.PublishAsync(StatusMessage(_online), timeout.Token).ConfigureAwait(false);
            _announced = true;
            LogConnected(_log, _broker, reconnect ? "reconnected" : "connected", Queued);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A connect cut short by the end of the run fails too (not always as a cancellation): not worth a line.
            if (failures == 0 && !stop.IsCancellationRequested)
            {
                // MQTTnet reports its own timeout as a closed connection: say what happened.
                var reason = timeout.IsCancellationRequested
                    ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"no answer within {_options.Timeout.TotalSeconds:0.###} s (is it an MQTT broker, speaking TLS only where the address says mqtts://?)")
                    : _tls?.Explain(e) ?? ConnectError(e);
                LogConnectFailed(_log, _broker, reason, _options.ReconnectDelay.TotalSeconds);
            }

            return false;
        }
    }

    private async Task SayGoodbyeAsync()
    {
        if (_outbox.Count > 0)
        {
            LogUnsent(_log, _outbox.Count, _broker);
        }

        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(_options.Timeout);
            await _client.PublishAsync(StatusMessage(_offline), timeout.Token).ConfigureAwait(false);
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogPublishFailed(_log, _broker, e.Message);
        }
    }

    private MqttClientOptions BuildClientOptions()
    {
        var o = _options;
        var b = new MqttClientOptionsBuilder()
            .WithTcpServer(o.Broker.Host, o.Broker.Port)
            .WithClientId(o.ClientId ?? ("edgepose-" + MqttTopics.Level(o.Events.DeviceId)))
            .WithProtocolVersion(o.Mqtt5 ? MqttProtocolVersion.V500 : MqttProtocolVersion.V311)
            .WithKeepAlivePeriod(o.KeepAlive)
            .WithCleanSession(o.CleanSession)
            .WithTimeout(o.Timeout)
            .WithWillTopic(_topics.Status)
            .WithWillPayload(_offline)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (o.Mqtt5)
        {
            b = b.WithWillContentType(PoseEventSchema.ContentType);
        }

        if (o.Username is not null)
        {
            b = b.WithCredentials(o.Username, o.Password);
        }

        if (_tls is not null)
        {
            b = b.WithTlsOptions(_tls.Options(o.Broker.Host));
        }

        return b.Build();
    }

    private MqttApplicationMessage EventMessage(OutboxMessage message)
    {
        var b = new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(message.Payload)
            .WithQualityOfServiceLevel((MqttQualityOfServiceLevel)_options.QualityOfService);
        if (_options.Mqtt5)
        {
            b = b.WithContentType(PoseEventSchema.ContentType).WithUserProperty("schema", s_schemaVersion);
            if (_options.MessageExpiry is { } expiry)
            {
                b = b.WithMessageExpiryInterval((uint)Math.Max(1, expiry.TotalSeconds));
            }
        }

        return b.Build();
    }

    private MqttApplicationMessage StatusMessage(byte[] payload)
    {
        var b = new MqttApplicationMessageBuilder()
            .WithTopic(_topics.Status)
            .WithPayload(payload)
            .WithRetainFlag(true)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        return (_options.Mqtt5 ? b.WithContentType(PoseEventSchema.ContentType) : b).Build();
    }

    private string PoseTopic(PipelineSource source)
    {
        int i = source.Index;
        if (i >= _poseTopics.Length)
        {
            Array.Resize(ref _poseTopics, i + 1);
        }

        return _poseTopics[i] ??= _topics.Poses(source.Id);
    }

    private TimeSpan Backoff(int failures)
    {
        double ms = _options.ReconnectDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 20));
        ms = Math.Min(ms, _options.ReconnectMaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(ms * (0.8 + (0.4 * Random.Shared.NextDouble())));
#pragma warning restore CA5394
    }

    /// <summary>A connect failure in words (MQTTnet's message names a refusal's reason, e.g. NotAuthorized).</summary>
    private static string ConnectError(Exception e) => e switch
    {
        OperationCanceledException => "no answer in time",
        _ => e.Message,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT {Broker}: {State}; {Queued} event(s) queued")]
    private static partial void LogConnected(ILogger logger, string broker, string state, int queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT {Broker}: cannot connect: {Reason}; retrying from {Seconds} s, with backoff")]
    private static partial void LogConnectFailed(ILogger logger, string broker, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT {Broker}: publish failed: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string broker, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT queue full ({Count} events, {Bytes} bytes): dropped the oldest, {Total} so far")]
    private static partial void LogDropped(ILogger logger, int count, long bytes, long total);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT broker refused the event on {Topic} ({Bytes} bytes): {Reason}")]
    private static partial void LogRefused(ILogger logger, string topic, int bytes, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "MQTT event on {Topic} ({Bytes} bytes) given up after {Tries} tries that each lost the connection: {Reason}")]
    private static partial void LogGivenUp(ILogger logger, string topic, int bytes, int tries, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT: {Count} event(s) not yet delivered kept in the spool {Dir} for the next start")]
    private static partial void LogSpooled(ILogger logger, int count, string dir);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT: {Count} queued event(s) not sent to {Broker} before the end")]
    private static partial void LogUnsent(ILogger logger, int count, string broker);

    /// <summary>A publish awaiting the broker: the event (Id 0 when it came from the spool, at <paramref name="Spooled"/>) and its task.</summary>
    private readonly record struct InFlight(OutboxMessage Message, SpoolPosition Spooled, Task<MqttClientPublishResult> Publish);
}
