using System.Diagnostics;
using EdgePose.Core.Frames;

namespace EdgePose.Core.Pipeline;

/// <summary>
/// Fills a batch from many source queues, fairly: strict round robin over the sources that have a frame, one
/// frame per source per turn, starting after the source served last. A fast source therefore never starves a
/// slow one; each gets an equal share of the engine, or all it offers when that is less. Once a batch holds a
/// frame the batcher waits at most <see cref="PipelineOptions.BatchTimeout"/> for more (nvstreammux's
/// batched-push-timeout). Waiting allocates nothing.
/// </summary>
internal sealed class FairBatcher
{
    private readonly StageQueue<Frame>[] _queues;
    private readonly ReadySignal _ready;
    private readonly TimeSpan _timeout;
    private readonly IReadOnlyList<SourceCounters> _sources;
    private readonly long _freshWaitTicks;
    private int _next;

    public FairBatcher(StageQueue<Frame>[] queues, ReadySignal ready, TimeSpan timeout, IReadOnlyList<SourceCounters> sources, TimeSpan freshFrameWait)
    {
        _queues = queues;
        _ready = ready;
        _timeout = timeout;
        _sources = sources;
        _freshWaitTicks = (long)(freshFrameWait.TotalSeconds * Stopwatch.Frequency);
    }

    /// <summary>True when every source has finished and its queue is empty.</summary>
    public bool AllDone
    {
        get
        {
            foreach (var q in _queues)
            {
                if (!q.IsDone)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Adds frames to <paramref name="job"/> until it is full or the batch timeout passes; false when no frame will come again.</summary>
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> FillAsync(BatchJob job, CancellationToken cancellationToken)
    {
        long first = 0;
        while (true)
        {
            bool took = TakeTurn(job);
            if (job.IsFull)
            {
                if (job.Count == 1)
                {
                    await FreshenAsync(job, cancellationToken).ConfigureAwait(false);
                }

                return true;
            }

            if (job.Count > 0 && first == 0)
            {
                first = Stopwatch.GetTimestamp();
            }

            if (took)
            {
                continue;
            }

            if (AllDone)
            {
                return job.Count > 0;
            }

            if (job.Count == 0)
            {
                await _ready.WaitAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var left = _timeout - Stopwatch.GetElapsedTime(first);
            if (left <= TimeSpan.Zero || !await _ready.WaitAsync(left, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }
    }

    /// <summary>
    /// A batch of one live frame whose source's next frame is due within the fresh-frame wait: waits for that frame
    /// and runs it instead (the older one is dropped, counted). See <see cref="PipelineOptions.FreshFrameWait"/>.
    /// </summary>
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FreshenAsync(BatchJob job, CancellationToken cancellationToken)
    {
        var frame = job.Frames[0];
        var source = _sources[frame.SourceId];
        if (_freshWaitTicks <= 0 || !source.Source.IsLive || source.NextArrivalDue is not (> 0 and var due))
        {
            return;
        }

        long now = Stopwatch.GetTimestamp();
        if (due <= now || due - now > _freshWaitTicks)
        {
            return;
        }

        long deadline = due + (_freshWaitTicks / 4); // a little slack for jitter
        var queue = _queues[frame.SourceId];
        while ((now = Stopwatch.GetTimestamp()) < deadline)
        {
            if (queue.TryRead(out var newer))
            {
                job.Frames[0] = newer;
                newer.Stamps.Mark(PipelineStage.Queue);
                frame.Return();
                source.AddDropped();
                return;
            }

            await _ready.WaitAsync(Stopwatch.GetElapsedTime(now, deadline), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One turn of the round: a frame from each source that has one, in order from the next source due.</summary>
    private bool TakeTurn(BatchJob job)
    {
        bool took = false;
        int n = _queues.Length, start = _next;
        for (int i = 0; i < n && !job.IsFull; i++)
        {
            int q = (start + i) % n;
            if (_queues[q].TryRead(out var frame))
            {
                job.Add(frame);
                took = true;
                _next = (q + 1) % n;
            }
        }

        return took;
    }
}
