using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// Runs one <see cref="IPoseSink"/> on its own task behind its own bounded queue. Results of live sources push
/// out the oldest queued result when the queue is full (counted as the sink's drops); results of files wait
/// for room, so nothing from a file is lost. A failing write is logged (once per error streak) and counted.
/// </summary>
internal sealed partial class SinkStage : IDisposable
{
    private readonly IPoseSink _sink;
    private readonly StageQueue<FrameResult> _queue;
    private readonly SinkCounters _counters;
    private readonly ILogger _log;
    private bool _failing;

    public SinkStage(IPoseSink sink, int capacity, PipelineStats stats, ILogger log)
    {
        _sink = sink;
        _log = log;
        _counters = stats.Sink(sink.Name);
        _queue = new StageQueue<FrameResult>(capacity, r =>
        {
            _counters.AddDropped();
            r.Release();
        });
    }

    public string Name => _sink.Name;

    public bool NeedsPixels => _sink.NeedsPixels;

    /// <summary>
    /// Queues <paramref name="result"/> (the caller already holds a reference for this sink); false when the queue
    /// was closed by an abort (the caller keeps the reference).
    /// </summary>
    public ValueTask<bool> OfferAsync(FrameResult result)
    {
        if (result.Source.IsLive)
        {
            return new ValueTask<bool>(_queue.TryWriteDroppingOldest(result));
        }

        return _queue.TryWriteAsync(result);
    }

    /// <summary>No more results; the task writes what is queued, then completes the sink.</summary>
    public void Complete() => _queue.Complete();

    /// <summary>Releases every result still queued (after an abort), counted as the sink's drops.</summary>
    public void DropAll() => _queue.DropAll();

    public void Dispose() => _queue.Dispose();

    /// <summary>Writes results until the queue completes; <paramref name="abort"/> stops at once, releasing what is left.</summary>
    public async Task RunAsync(CancellationToken abort)
    {
        try
        {
            await foreach (var result in _queue.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                try
                {
                    await _sink.WriteAsync(result, abort).ConfigureAwait(false);
                    _counters.AddWritten();
                    _counters.CaptureToWritten.Record(result.Stamps.SinceCapture(Stopwatch.GetTimestamp()));
                    _failing = false;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _counters.AddFailed();
                    if (!_failing)
                    {
                        LogWriteFailed(_log, Name, e.Message);
                        _failing = true;
                    }
                }
                finally
                {
                    result.Release();
                }
            }

            await _sink.CompleteAsync(abort).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            DropAll();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sink {Sink} failed to write a result: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string sink, string reason);
}
