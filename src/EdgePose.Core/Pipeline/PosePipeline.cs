using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using EdgePose.Core.Frames;
using EdgePose.Core.Inference;
using EdgePose.Core.Poses;
using EdgePose.Core.Processing;
using Microsoft.Extensions.Logging;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// The live pipeline: sources → fair batcher + preprocess → engine → decode → sinks, one task or thread per
/// stage, joined by bounded channels, so capture, preprocessing and decoding run while the engine works (each
/// batch in flight has its own buffer set). Many sources share one engine. A source that fails never stops the
/// others; a slow sink never blocks inference. <see cref="RunAsync"/> returns when every source has ended, or
/// after a stop, once what was in flight has been drained through every sink in order.
/// </summary>
public sealed partial class PosePipeline : IDisposable
{
    private readonly PoseModel _model;
    private readonly PipelineOptions _options;
    private readonly IReadOnlyList<PipelineSource> _sources;
    private readonly ILogger _log;
    private readonly ReadySignal _ready = new();
    private readonly StageQueue<Frame>[] _sourceQueues;
    private readonly FramePool[] _framePools;
    private readonly SourceRunner[] _runners;
    private readonly SinkStage[] _sinks;
    private readonly bool _keepFrames;
    private readonly BatchJob[] _jobs;
    private readonly Channel<BatchJob> _freeJobs;
    private readonly Channel<BatchJob> _toEngine;
    private readonly Channel<bool> _engineCredits;
    private readonly Channel<BatchJob> _toDecode;
    private readonly IFrameProcessor _processor;
    private readonly bool _ownsProcessor;
    private readonly FairBatcher _batcher;
    private readonly FrameResultPool _results;
    private readonly PoseDetections _decoded;
    private readonly Tracking.ByteTracker?[] _trackers;

    /// <summary>A pipeline with CPU pre- and post-processing (letterbox with <paramref name="resizer"/>, the model's decoder).</summary>
    public PosePipeline(PoseModel model, IBgrResizer resizer, IFrameReaderFactory readers, IReadOnlyList<PipelineSource> sources, IReadOnlyList<IPoseSink> sinks, PipelineOptions options, ILogger log)
        : this(model, CpuFrameProcessor.For(model, resizer), readers, sources, sinks, options, log)
    {
        _ownsProcessor = true;
    }

    /// <summary>
    /// A pipeline whose frames are letterboxed and decoded by <paramref name="processor"/> (CPU or GPU), which makes
    /// the batches' buffer sets. The caller keeps and disposes the processor, after the pipeline.
    /// </summary>
    public PosePipeline(PoseModel model, IFrameProcessor processor, IFrameReaderFactory readers, IReadOnlyList<PipelineSource> sources, IReadOnlyList<IPoseSink> sinks, PipelineOptions options, ILogger log)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sources.Count);
        _model = model;
        _processor = processor;
        _options = options;
        _sources = sources;
        _log = log;
        Stats = new PipelineStats(sources);
        MaxBatch = Math.Clamp(options.MaxBatch, 1, model.Input.MaxBatch);

        _sinks = [.. sinks.Select(s => new SinkStage(s, options.SinkQueueCapacity, Stats, log))];
        _keepFrames = sinks.Any(s => s.NeedsPixels);
        int pixelSinks = sinks.Count(s => s.NeedsPixels);
        int inFlight = options.BatchesInFlight * MaxBatch;
        int framesPerSource = Math.Max(options.LiveQueueCapacity, options.FileQueueCapacity) + 2 + inFlight + (pixelSinks * (options.SinkQueueCapacity + 1));

        _framePools = new FramePool[sources.Count];
        _sourceQueues = new StageQueue<Frame>[sources.Count];
        _runners = new SourceRunner[sources.Count];
        for (int i = 0; i < sources.Count; i++)
        {
            if (sources[i].Index != i)
            {
                throw new ArgumentException($"source '{sources[i].Id}' has index {sources[i].Index}, expected {i}", nameof(sources));
            }

            var counters = Stats.Sources[i];
            _framePools[i] = new FramePool(framesPerSource);
            _sourceQueues[i] = new StageQueue<Frame>(
                sources[i].IsLive ? options.LiveQueueCapacity : options.FileQueueCapacity,
                f =>
                {
                    f.Return();
                    counters.AddDropped();
                },
                _ready);
            _runners[i] = new SourceRunner(sources[i], readers, _framePools[i], _sourceQueues[i], counters, options, log);
        }

        _jobs = new BatchJob[options.BatchesInFlight];
        try
        {
            for (int i = 0; i < _jobs.Length; i++)
            {
                _jobs[i] = new BatchJob(processor.CreateBufferSet(model.Engine), MaxBatch);
            }
        }
        catch
        {
            // A GPU out of memory for the second set: the first is released before the error goes up.
            foreach (var job in _jobs)
            {
                job?.Dispose();
            }

            throw;
        }

        _freeJobs = Channel.CreateBounded<BatchJob>(options.BatchesInFlight);
        foreach (var job in _jobs)
        {
            _freeJobs.Writer.TryWrite(job);
        }

        _toEngine = Channel.CreateBounded<BatchJob>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });

        // How many batches may be prepared ahead of the engine. Files: two, so the engine never waits. Live sources:
        // one, taken when the engine finishes a run, so a batch holds the newest frames rather than frames that
        // waited a whole run (the engine then idles only for the preprocessing, about a millisecond).
        int credits = sources.Any(s => s.IsLive) ? 1 : 2;
        _engineCredits = Channel.CreateBounded<bool>(credits);
        for (int i = 0; i < credits; i++)
        {
            _engineCredits.Writer.TryWrite(true);
        }

        _toDecode = Channel.CreateBounded<BatchJob>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        _batcher = new FairBatcher(_sourceQueues, _ready, options.BatchTimeout, Stats.Sources, options.FreshFrameWait);
        int maxDetections = options.Decode.Validated().MaxDetections;
        _results = new FrameResultPool((_sinks.Length * (options.SinkQueueCapacity + 1)) + inFlight + 2, maxDetections, model.KeypointCount);
        _decoded = new PoseDetections(maxDetections, model.KeypointCount);
        _trackers = [.. sources.Select(_ => options.Tracker is { } t ? new Tracking.ByteTracker(t) : null)];
    }

    /// <summary>What the pipeline measured so far; readable while it runs.</summary>
    public PipelineStats Stats { get; }

    /// <summary>Frames per engine run.</summary>
    public int MaxBatch { get; }

    /// <summary>Frames rented from the sources' pools and not yet returned (0 once a run has finished: nothing leaks).</summary>
    internal int FramesOutstanding => _framePools.Sum(p => p.Size - p.Available);

    /// <summary>How long a stop may take to drain what is in flight before the rest is dropped.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs until every source has ended or <paramref name="stop"/> is cancelled; then drains in order and returns.
    /// Throws when the engine fails (the one fault that stops every source).
    /// </summary>
    public async Task RunAsync(CancellationToken stop)
    {
        Stats.MarkStarted();
        using var abort = new CancellationTokenSource();
        using var stopSources = CancellationTokenSource.CreateLinkedTokenSource(stop);

        // The stages read their channels without a token (the channels' own waiters are then reused: no
        // allocation per wait); an abort completes the channels instead, which ends every stage's loop.
        using var abortChannels = abort.Token.Register(CompleteChannels);
        using var drainTimer = stop.Register(() => abort.CancelAfter(DrainTimeout));

        // A stage that fails stops the sources and aborts the others.
        async Task Guard(Func<Task> stage)
        {
            try
            {
                await stage().ConfigureAwait(false);
            }
            catch
            {
                await stopSources.CancelAsync().ConfigureAwait(false);
                await abort.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        var sourceTasks = _runners.Select(r => Task.Factory.StartNew(
            () => r.Run(stopSources.Token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        var stages = new List<Task>
        {
            Task.Run(() => Guard(() => BatchAndPreprocessAsync(abort.Token)), CancellationToken.None),
            Task.Run(() => Guard(InferAsync), CancellationToken.None),
            Task.Run(() => Guard(DecodeAsync), CancellationToken.None),
        };
        stages.AddRange(_sinks.Select(s => Task.Run(() => Guard(() => s.RunAsync(abort.Token)), CancellationToken.None)));

        try
        {
            await Task.WhenAll(stages).ConfigureAwait(false);
            if (abort.IsCancellationRequested)
            {
                LogDrainCut(_log, DrainTimeout.TotalSeconds);
            }
        }
        finally
        {
            await stopSources.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(sourceTasks).ConfigureAwait(false);
            foreach (var q in _sourceQueues)
            {
                q.DropAll();
            }

            foreach (var sink in _sinks)
            {
                sink.DropAll();
            }

            // After a failure or a cut drain, batches may still hold frames: give them back.
            foreach (var job in _jobs)
            {
                for (int i = 0; i < job.Count; i++)
                {
                    job.Frames[i]?.Return();
                }

                job.Clear();
            }

            Stats.MarkStopped();
        }
    }

    /// <summary>Ends every stage loop at once (an abort): the channels between the stages complete.</summary>
    private void CompleteChannels()
    {
        _freeJobs.Writer.TryComplete();
        _engineCredits.Writer.TryComplete();
        _toEngine.Writer.TryComplete();
        _toDecode.Writer.TryComplete();
        foreach (var sink in _sinks)
        {
            sink.Complete();
        }
    }

    public void Dispose()
    {
        foreach (var job in _jobs)
        {
            job.Dispose();
        }

        if (_ownsProcessor)
        {
            _processor.Dispose();
        }

        foreach (var queue in _sourceQueues)
        {
            queue.Dispose();
        }

        foreach (var sink in _sinks)
        {
            sink.Dispose();
        }

        _ready.Dispose();
    }

    private async Task BatchAndPreprocessAsync(CancellationToken abort)
    {
        try
        {
            while (true)
            {
                if (!_engineCredits.Reader.TryRead(out _))
                {
                    if (!await _engineCredits.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        return; // aborted
                    }

                    continue;
                }

                BatchJob job;
                while (!_freeJobs.Reader.TryRead(out job!))
                {
                    if (!await _freeJobs.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        return; // aborted
                    }
                }

                bool more;
                try
                {
                    more = await _batcher.FillAsync(job, abort).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (abort.IsCancellationRequested)
                {
                    return; // the frames taken so far are returned with the job at the end of the run
                }

                if (!more)
                {
                    _freeJobs.Writer.TryWrite(job);
                    return;
                }

                Preprocess(job);
                if (job.Count == 0)
                {
                    _freeJobs.Writer.TryWrite(job);
                    _engineCredits.Writer.TryWrite(true);
                    continue;
                }

                if (!await TryWriteAsync(_toEngine, job).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        finally
        {
            _toEngine.Writer.TryComplete();
        }
    }

    /// <summary>
    /// Letterboxes each frame into its slot (through the processor), then completes the batch; a frame that cannot be
    /// read is dropped and logged, the rest move up.
    /// </summary>
    private void Preprocess(BatchJob job)
    {
        int kept = 0;
        for (int i = 0; i < job.Count; i++)
        {
            var frame = job.Frames[i];
            try
            {
                job.Boxes[kept] = _processor.Preprocess(frame, job.Buffers, kept);
                job.Frames[kept++] = frame;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                Stats.Sources[frame.SourceId].AddDropped();
                LogFrameSkipped(_log, _sources[frame.SourceId].Id, frame.Sequence, e.Message);
                frame.Return();
            }
        }

        Array.Clear(job.Frames, kept, job.Count - kept);
        job.Count = kept;
        if (kept > 0)
        {
            _processor.CompletePreprocess(job.Buffers); // a GPU processor launches the batch's letterboxes together here
            for (int i = 0; i < kept; i++)
            {
                job.Frames[i].Stamps.Mark(PipelineStage.Preprocess);
            }
        }
    }

    /// <summary>Writes to a channel between stages, waiting for room; false when an abort completed it.</summary>
    private static async ValueTask<bool> TryWriteAsync(Channel<BatchJob> channel, BatchJob job)
    {
        while (await channel.Writer.WaitToWriteAsync().ConfigureAwait(false))
        {
            if (channel.Writer.TryWrite(job))
            {
                return true;
            }
        }

        return false;
    }

    private async Task InferAsync()
    {
        try
        {
            await foreach (var job in _toEngine.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                long t0 = Stopwatch.GetTimestamp();
                var completion = _model.Engine.Enqueue(job.Buffers, job.Count);
                if (!completion.Wait(_options.RunTimeout))
                {
                    throw new TimeoutException(FormattableString.Invariant($"{_model.Name}: inference did not finish within {_options.RunTimeout.TotalSeconds:0.#} s"));
                }

                long t1 = Stopwatch.GetTimestamp();
                _engineCredits.Writer.TryWrite(true); // the engine is free: the next batch may be taken
                Stats.AddBatch(job.Count, t1 - t0);
                for (int i = 0; i < job.Count; i++)
                {
                    job.Frames[i].Stamps.Mark(PipelineStage.Inference, t1);
                }

                if (!await TryWriteAsync(_toDecode, job).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogEngineFailed(_log, _model.Name, e.Message);
            throw;
        }
        finally
        {
            _toDecode.Writer.TryComplete();
        }
    }

    private async Task DecodeAsync()
    {
        try
        {
            await foreach (var job in _toDecode.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                for (int slot = 0; slot < job.Count; slot++)
                {
                    var frame = job.Frames[slot];
                    Decode(job, slot);
                    job.Frames[slot] = null!; // the frame is the result's (or back in its pool) from here on
                    await PublishAsync(frame).ConfigureAwait(false);
                }

                job.Clear();
                _freeJobs.Writer.TryWrite(job);
            }
        }
        finally
        {
            foreach (var sink in _sinks)
            {
                sink.Complete();
            }
        }
    }

    /// <summary>Decodes slot <paramref name="slot"/> of a finished batch into <see cref="_decoded"/>, in the frame's pixels (through the processor).</summary>
    private void Decode(BatchJob job, int slot)
    {
        var frame = job.Frames[slot];
        _processor.Decode(job.Buffers, slot, job.Boxes[slot], _options.Decode, _decoded);
        _trackers[frame.SourceId]?.Update(_decoded);
        frame.Stamps.Mark(PipelineStage.Decode);
        Stats.RecordResult(frame, _decoded.Count);
    }

    /// <summary>Hands the decoded poses of <paramref name="frame"/> to every sink; the frame goes back to its pool when no sink needs it.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask PublishAsync(Frame frame)
    {
        if (_sinks.Length == 0)
        {
            frame.Return();
            return;
        }

        if (!_results.TryRent(_options.RunTimeout, CancellationToken.None, out var result))
        {
            Stats.Sources[frame.SourceId].AddDropped();
            frame.Return();
            return;
        }

        var tracker = _trackers[frame.SourceId];
        result.Set(frame, _sources[frame.SourceId], _decoded, _keepFrames, tracker);
        if (!_keepFrames)
        {
            frame.Return();
        }

        result.Retain(_sinks.Length);
        foreach (var sink in _sinks)
        {
            if (!await sink.OfferAsync(result).ConfigureAwait(false))
            {
                result.Release(); // aborted: the sink's queue is closed
            }
        }

        result.Release();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} frame {Sequence} skipped: {Reason}")]
    private static partial void LogFrameSkipped(ILogger logger, string source, long sequence, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Engine {Model} failed: {Reason}")]
    private static partial void LogEngineFailed(ILogger logger, string model, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown drain took longer than {Seconds} s; results still queued were dropped")]
    private static partial void LogDrainCut(ILogger logger, double seconds);
}
