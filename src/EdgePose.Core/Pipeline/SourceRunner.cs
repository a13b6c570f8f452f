using EdgePose.Core.Frames;
using EdgePose.Core.Sources;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// Reads one source on its own thread into pooled frames and queues them for the batcher. A live source hands
/// over its newest frame (an older one still queued is dropped and counted); a lost live source (error, end,
/// stall) is reopened with capped exponential backoff and jitter (Polly) for ever. A file source hands over
/// every frame, waits when the pipeline is behind, optionally at the file's rate, and ends or fails once.
/// Every state change is logged with the source's id; credentials never appear.
/// </summary>
internal sealed partial class SourceRunner
{
    private readonly PipelineSource _source;
    private readonly IFrameReaderFactory _factory;
    private readonly FramePool _pool;
    private readonly StageQueue<Frame> _queue;
    private readonly SourceCounters _counters;
    private readonly PipelineOptions _options;
    private readonly ILogger _log;
    private readonly ResiliencePipeline _reopen;
    private long _sequence;

    public SourceRunner(PipelineSource source, IFrameReaderFactory factory, FramePool pool, StageQueue<Frame> queue, SourceCounters counters, PipelineOptions options, ILogger log)
    {
        _source = source;
        _factory = factory;
        _pool = pool;
        _queue = queue;
        _counters = counters;
        _options = options;
        _log = log;
        _reopen = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.Reconnect.Jitter,
                Delay = options.Reconnect.InitialDelay,
                MaxDelay = options.Reconnect.MaxDelay,
                MaxRetryAttempts = int.MaxValue,
                OnRetry = args =>
                {
                    _counters.SetState(SourceState.Reconnecting);
                    _counters.AddReconnect();
                    var reason = Reason(args.Outcome.Exception);
                    _counters.SetError(reason);
                    LogRetrying(_log, _source.Id, reason, args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Reads until the source ends, fails for good, or <paramref name="stop"/>; then completes the queue.</summary>
    public void Run(CancellationToken stop)
    {
        try
        {
            RunSessions(stop);
        }
        finally
        {
            _queue.Complete();
        }
    }

    private void RunSessions(CancellationToken stop)
    {
        bool first = true;
        while (!stop.IsCancellationRequested)
        {
            _counters.SetState(first ? SourceState.Connecting : SourceState.Reconnecting);
            LogState(_log, _source.Id, first ? "connecting" : "reconnecting", _source.Uri.Display);
            first = false;
            IFrameReader reader;
            try
            {
                reader = _source.IsLive
                    ? _reopen.Execute(static (s, ct) => s.Open(ct), this, stop)
                    : Open(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                Fail(e);
                return;
            }

            SessionEnd end;
            using (reader)
            {
                _counters.SetState(SourceState.Live);
                _counters.SetError(null);
                _counters.ResetArrivals();
                LogLive(_log, _source.Id, reader.Shape);
                try
                {
                    end = ReadFrames(reader, stop);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (!_source.IsLive)
                    {
                        Fail(e);
                        return;
                    }

                    var reason = Reason(e);
                    _counters.SetError(reason);
                    LogLost(_log, _source.Id, reason);
                    continue;
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            switch (end)
            {
                case SessionEnd.Stopped:
                    _counters.SetState(SourceState.Stopped);
                    return;
                case SessionEnd.Ended when !_source.IsLive || FrameLimitReached:
                    _counters.SetState(SourceState.Ended);
                    LogEnded(_log, _source.Id, _counters.Captured);
                    return;
                case SessionEnd.Ended:
                    _counters.SetError("the stream ended");
                    LogLost(_log, _source.Id, "the stream ended");
                    break;
                case SessionEnd.Stalled:
                    _counters.SetState(SourceState.Stalled);
                    _counters.AddStall();
                    var reason = FormattableString.Invariant($"no frame for {_options.ReadTimeout.TotalSeconds:0.###} s");
                    _counters.SetError("stalled: " + reason);
                    LogStalled(_log, _source.Id, reason);
                    if (!_source.IsLive)
                    {
                        _counters.SetState(SourceState.Failed);
                        return;
                    }

                    break;
            }
        }

        _counters.SetState(SourceState.Stopped);
    }

    private bool FrameLimitReached => _options.MaxFramesPerSource is { } max && _sequence >= max;

    private IFrameReader Open(CancellationToken stop)
    {
        stop.ThrowIfCancellationRequested();
        return _factory.Open(_source, _options.OpenTimeout, _options.ReadTimeout);
    }

    private SessionEnd ReadFrames(IFrameReader reader, CancellationToken stop)
    {
        var start = DateTimeOffset.UtcNow;
        TimeSpan? firstPts = null;
        while (!stop.IsCancellationRequested)
        {
            if (FrameLimitReached)
            {
                return SessionEnd.Ended;
            }

            if (!_pool.TryRent(_options.ReadTimeout, stop, out var frame))
            {
                // Every frame is still in the pipeline (a sink far behind): the source drops this one.
                _counters.AddDropped();
                continue;
            }

            FrameRead read;
            try
            {
                var shape = reader.Shape;
                frame.SetHost(_source.Index, _sequence, DateTimeOffset.UtcNow, shape.Format, shape.Width, shape.Height, shape.Stride);
                frame.Stamps.Clear();
                read = reader.Read(frame, stop);
            }
            catch
            {
                frame.Return();
                throw;
            }

            if (read.Outcome != FrameReadOutcome.Frame)
            {
                frame.Return();
                switch (read.Outcome)
                {
                    case FrameReadOutcome.FormatChanged:
                        _counters.AddFormatChange();
                        LogFormatChanged(_log, _source.Id, reader.Shape);
                        continue;
                    case FrameReadOutcome.EndOfStream:
                        return SessionEnd.Ended;
                    default:
                        return stop.IsCancellationRequested ? SessionEnd.Stopped : SessionEnd.Stalled;
                }
            }

            StampCapture(frame);
            _sequence++;
            _counters.AddCaptured();
            if (_source.IsLive)
            {
                _queue.WriteDroppingOldest(frame); // a frame pushed out is returned and counted by the queue
                continue;
            }

            if (_source.Realtime && read.PresentationTime is { } pts)
            {
                firstPts ??= pts;
                var due = start + (pts - firstPts.Value) - DateTimeOffset.UtcNow;
                if (due > TimeSpan.Zero && stop.WaitHandle.WaitOne(due))
                {
                    frame.Return();
                    return SessionEnd.Stopped;
                }
            }

            while (!_queue.Write(frame, _options.ReadTimeout, stop))
            {
                if (stop.IsCancellationRequested)
                {
                    frame.Return();
                    return SessionEnd.Stopped;
                }
            }
        }

        return SessionEnd.Stopped;
    }

    /// <summary>Capture time and stamp: now, or the time painted into the frame for a pixel-clock source.</summary>
    private void StampCapture(Frame frame)
    {
        long ticks = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = DateTimeOffset.UtcNow;
        _counters.NoteArrival(ticks);
        if (_source.PixelClock && frame.Format == PixelFormat.Bgr24
            && PixelClock.TryReadBgr(frame.Pixels, frame.Width, frame.Height, frame.Stride, out long unixMs))
        {
            var made = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
            var age = now - made;
            frame.SetCaptureTime(made);
            frame.Stamps.Mark(PipelineStage.Capture, ticks - (long)(age.TotalSeconds * System.Diagnostics.Stopwatch.Frequency));
            return;
        }

        frame.SetCaptureTime(now);
        frame.Stamps.Mark(PipelineStage.Capture, ticks);
    }

    private void Fail(Exception e)
    {
        var reason = Reason(e);
        _counters.SetState(SourceState.Failed);
        _counters.SetError(reason);
        LogFailed(_log, _source.Id, reason);
    }

    private static string Reason(Exception? e) => CredentialMask.Mask(e?.Message ?? "unknown error");

    private enum SessionEnd
    {
        Stopped,
        Ended,
        Stalled,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source} {State}: {Uri}")]
    private static partial void LogState(ILogger logger, string source, string state, string uri);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source} is live: {Shape}")]
    private static partial void LogLive(ILogger logger, string source, FrameShape shape);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} changed its frame size to {Shape}")]
    private static partial void LogFormatChanged(ILogger logger, string source, FrameShape shape);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} is stalled: {Reason}")]
    private static partial void LogStalled(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} lost: {Reason}")]
    private static partial void LogLost(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} unavailable: {Reason}; retrying in {DelaySeconds:0.00} s")]
    private static partial void LogRetrying(ILogger logger, string source, string reason, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {Source} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source} ended after {Frames} frames")]
    private static partial void LogEnded(ILogger logger, string source, long frames);
}
